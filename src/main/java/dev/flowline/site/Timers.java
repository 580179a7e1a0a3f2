package dev.flowline.site;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/** Delays on a connection's own event loop: the loop keeps serving other requests while the timer runs. */
final class Timers {

    private Timers() {}

    /** Completes {@code nanos} from now on {@code loop}; cancelling it (the client went away) cancels the timer. */
    static Mono<Void> after(EventLoop loop, long nanos) {
        if (nanos <= 0) {
            return Mono.empty();
        }
        return Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(), nanos, TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }
}
