package dev.flowline.samples.crawler;

import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The fetch stage's work: a URL's attempts, retried per the {@link RetryRule}, each retry waiting for its host's
 * next slot; the host slot is released when the last attempt ends. Two forms of one loop: reactive for the
 * non-blocking fetcher (an ASYNC_IO stage), and blocking for the blocking one (a BLOCKING_IO stage), which must
 * never hand its blocking call to a timer thread.
 */
final class FetchAttempts {
    private final Fetcher fetcher;
    private final RetryRule rule;
    private final Frontier frontier;
    private final Stopper stopper;
    private final CrawlStats stats;

    FetchAttempts(Fetcher fetcher, RetryRule rule, Frontier frontier, Stopper stopper, CrawlStats stats) {
        this.fetcher = fetcher;
        this.rule = rule;
        this.frontier = frontier;
        this.stopper = stopper;
        this.stats = stats;
    }

    Mono<Fetched> async(CrawlTask task) {
        if (task.skip != null) {
            return Mono.just(Fetched.skipped(task));
        }
        return attempt(task, 1).doFinally(signal -> frontier.release(task));
    }

    Fetched blocking(CrawlTask task) {
        if (task.skip != null) {
            return Fetched.skipped(task);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                FetchResponse response = fetcher.get(task.url);
                Optional<Duration> wait = nextWait(task, response, attempt);
                if (wait.isEmpty() || !stopper.sleepBlocking(wait.get())) {
                    return new Fetched(task, response, attempt);
                }
            }
        } finally {
            frontier.release(task);
        }
    }

    private Mono<Fetched> attempt(CrawlTask task, int attempt) {
        return fetcher.fetch(task.url).flatMap(response -> {
            Optional<Duration> wait = nextWait(task, response, attempt);
            if (wait.isEmpty()) {
                return Mono.just(new Fetched(task, response, attempt));
            }
            return stopper.sleep(wait.get()).flatMap(slept -> slept
                    ? attempt(task, attempt + 1)
                    : Mono.just(new Fetched(task, response, attempt)));
        });
    }

    /** The wait before the next attempt, host delay included, or empty when this response is final. */
    private Optional<Duration> nextWait(CrawlTask task, FetchResponse response, int attemptsMade) {
        RetryRule.hostHold(response).ifPresent(hold -> frontier.holdHost(task, hold.toNanos()));
        if (stopper.stopped()) {
            return Optional.empty();
        }
        Optional<Duration> wait = rule.waitBefore(response, attemptsMade);
        wait.ifPresent(ignored -> stats.retried());
        return wait.map(backoff -> Duration.ofNanos(frontier.reserveRetry(task, backoff.toNanos())));
    }
}
