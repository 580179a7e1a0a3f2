package dev.flowline.samples.crawler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;

/**
 * Writes the crawl's JSONL: exactly one record per task handed to the pipeline, whatever happened to it. The write
 * stage and the final sweep of cancelled tasks both go through {@link #write}, which writes a task's record only
 * the first time, under one lock, so a task is never recorded twice nor lost between the two.
 *
 * <p>Fields: url, final_url, status (0 without a response), outcome, depth, referrer, title, content_type, bytes,
 * fetch_ms, links, attempts, error (when the fetch failed), body_file (when bodies are saved).
 */
final class RecordWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final boolean closeOut;
    private final JsonGenerator json;
    private final BodyStore bodies;
    private final CrawlStats stats;
    private final RecordObserver observer;
    private boolean closed;

    /** @param closeOut whether {@link #close()} closes {@code out} (not for standard output) */
    RecordWriter(Writer out, boolean closeOut, BodyStore bodies, CrawlStats stats, RecordObserver observer) {
        this.observer = observer;
        this.out = out;
        this.closeOut = closeOut;
        this.bodies = bodies;
        this.stats = stats;
        try {
            this.json = JSON.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    /** The write stage's work: saves the body if asked, then writes the record unless the task has one. */
    Page write(Page page) {
        FetchResponse response = page.fetched().response();
        String bodyFile = bodies != null && response != null && response.isSuccess()
                ? bodies.save(page.task().url, response.contentType(), response.body())
                : null;
        synchronized (this) {
            CrawlTask task = page.task();
            if (!task.recorded && !closed) {
                task.recorded = true;
                writeRecord(task, page, bodyFile);
            }
        }
        return page;
    }

    /** Records as CANCELLED every task of {@code tasks} without a record, then closes: nothing written after. */
    synchronized void cancelRestAndClose(Collection<CrawlTask> tasks) {
        for (CrawlTask task : tasks) {
            if (!task.recorded) {
                task.recorded = true;
                writeRecord(task, null, null);
            }
        }
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            json.close();
            if (closeOut) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish writing the records: " + e.getMessage(), e);
        }
    }

    private void writeRecord(CrawlTask task, Page page, String bodyFile) {
        FetchResponse response = page == null ? null : page.fetched().response();
        String outcome = page == null ? CrawlStats.CANCELLED
                : response == null ? outcomeOfSkip(task.skip) : response.outcome().name();
        int status = response == null ? 0 : response.status();
        try {
            json.writeStartObject();
            json.writeStringField("url", task.url);
            // A redirect's target is as the server wrote it, and may carry user-info: shown as ***.
            json.writeStringField("final_url", response == null ? null : UserInfo.redacted(response.finalUrl()));
            json.writeNumberField("status", status);
            json.writeStringField("outcome", outcome);
            json.writeNumberField("depth", task.depth);
            json.writeStringField("referrer", task.referrer);
            json.writeStringField("title", page == null ? null : page.title());
            json.writeStringField("content_type", response == null ? null : response.contentType());
            json.writeNumberField("bytes", response == null ? 0 : response.bytes());
            json.writeNumberField("fetch_ms", response == null ? 0 : response.timing().total().toMillis());
            json.writeNumberField("links", page == null ? 0 : page.found());
            json.writeNumberField("attempts", page == null ? 0 : page.fetched().attempts());
            String error = response != null && response.outcome() != FetchOutcome.OK ? UserInfo.redacted(response.detail()) : task.skip;
            if (error != null) {
                json.writeStringField("error", error);
            }
            if (observer != null) {
                observer.recorded(task.url, status, outcome, error);
            }
            if (bodyFile != null) {
                json.writeStringField("body_file", bodyFile);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record of " + task.url + ": " + e.getMessage(), e);
        }
        stats.recorded(task.origin, status, outcome, response == null ? 0 : response.bytes(), response != null);
    }

    /** {@code ROBOTS_UNREACHABLE (robots.txt answered 503)} is recorded as outcome {@code ROBOTS_UNREACHABLE}. */
    private static String outcomeOfSkip(String skip) {
        int space = skip.indexOf(' ');
        return space < 0 ? skip : skip.substring(0, space);
    }
}
