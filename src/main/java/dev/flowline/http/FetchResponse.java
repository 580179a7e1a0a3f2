package dev.flowline.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one fetch: a response, or a typed failure ({@link #outcome()}), never an exception.
 *
 * <pre>{@code
 * FetchResponse page = fetcher.get("http://127.0.0.1:8080/page/1");
 * if (page.isSuccess()) parse(page.text());
 * else if (page.retryable()) retryLater(page.retryAfter());
 * }</pre>
 *
 * @param url the URL asked for
 * @param finalUrl the URL of the last response, after redirects (the URL asked for when there were none)
 * @param outcome how the fetch ended; {@link FetchOutcome#OK} whenever a complete response arrived (or its first bytes,
 *                when {@code truncated}), whatever its status
 * @param status the HTTP status of the last response, or 0 when none arrived
 * @param headers the headers of the last response, looked up case-insensitively; empty when none arrived
 * @param body the decoded body, at most the maximum body size; empty unless the outcome is OK (do not modify it)
 * @param truncated whether {@code body} is only the first bytes of a longer one, cut at the limit of
 *                  {@link Fetcher#fetchTruncated}; never true for {@link Fetcher#fetch}, which fails such a body
 * @param bytes the body bytes read off the wire for the last response, before decoding
 * @param redirects the URLs that redirected, in order; its size is the number of redirects followed
 * @param timing where the time went
 * @param detail what went wrong, in words, when the outcome is not OK; empty otherwise
 */
public record FetchResponse(
        String url,
        String finalUrl,
        FetchOutcome outcome,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        boolean truncated,
        long bytes,
        List<String> redirects,
        FetchTiming timing,
        String detail) {

    /** Statuses worth retrying: the server was overloaded, unavailable or timed out. */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** Whether a complete response arrived with a 2xx status. */
    public boolean isSuccess() {
        return outcome == FetchOutcome.OK && status >= 200 && status < 300;
    }

    /** Whether trying again later may succeed: a retryable outcome, or a status such as 429, 500 or 503. */
    public boolean retryable() {
        return outcome.retryable() || outcome == FetchOutcome.OK && RETRYABLE_STATUSES.contains(status);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type of the body without parameters, like {@code text/html}; empty when there is none. */
    public String contentType() {
        return header("Content-Type").map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The body as text, in the charset its Content-Type names, else UTF-8. */
    public String text() {
        return new String(body, charset());
    }

    /** How long the server asked the client to wait ({@code Retry-After}, in seconds or as a date), if it did. */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(value -> {
            String trimmed = value.trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    /**
     * This response when it {@link #isSuccess() is a success}.
     *
     * @throws FetchException carrying this response otherwise, for pipelines that want failures as errors
     */
    public FetchResponse orThrow() {
        if (!isSuccess()) {
            throw new FetchException(this);
        }
        return this;
    }

    /** A one-line summary: status or outcome, URL, size and time. */
    @Override
    public String toString() {
        String result = outcome == FetchOutcome.OK ? String.valueOf(status) : outcome + " (" + detail + ")";
        return "GET " + url + " -> " + result + (redirects.isEmpty() ? "" : " via " + redirects.size() + " redirects")
                + ", " + body.length + " bytes" + (truncated ? " (truncated)" : "") + " in " + timing.total().toMillis() + " ms";
    }

    private Charset charset() {
        for (String parameter : header("Content-Type").orElse("").split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
