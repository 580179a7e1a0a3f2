package dev.flowline;

import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Watches JFR's {@code jdk.VirtualThreadPinned} events during a run and charges each to the stage whose virtual
 * thread was pinned — a virtual thread that blocks while pinned (in a class initializer, a native frame, or, before
 * JDK 24, a {@code synchronized} block) holds its carrier thread, and so a core's worth of virtual threads.
 * Stages' virtual threads are named after them (see {@link Placement}), which is how an event finds its stage.
 */
final class PinningMonitor implements AutoCloseable {
    private static final Duration THRESHOLD = Duration.ofMillis(1);

    private final RecordingStream stream;

    private PinningMonitor(String pipeline, List<StageMetrics> stages) {
        stream = new RecordingStream();
        stream.enable("jdk.VirtualThreadPinned").withThreshold(THRESHOLD).withStackTrace();
        stream.onEvent("jdk.VirtualThreadPinned", event -> charge(event, pipeline, stages));
        stream.startAsync();
    }

    static PinningMonitor start(String pipeline, List<StageMetrics> stages) {
        return new PinningMonitor(pipeline, stages);
    }

    private static void charge(RecordedEvent event, String pipeline, List<StageMetrics> stages) {
        RecordedThread thread = event.getThread();
        String name = thread == null ? null : thread.getJavaName();
        if (name == null) {
            return;
        }
        for (StageMetrics stage : stages) {
            if (name.startsWith(threadPrefix(pipeline, stage.name))) {
                stage.pinned(event.getDuration());
                return;
            }
        }
    }

    private static String threadPrefix(String pipeline, String stage) {
        return "flowline-" + Placement.virtualThreadName(pipeline, stage) + "-virtual-";
    }

    /**
     * Stops watching once every event recorded so far has been charged. Stops from a platform thread of its own:
     * the run may end on one of its virtual threads, whose own pending events would otherwise wait for it to end.
     */
    @Override
    public void close() {
        Thread stopper = Thread.ofPlatform().name("flowline-pinning-stop").start(() -> {
            stream.stop();
            stream.close();
        });
        boolean interrupted = false;
        while (stopper.isAlive()) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                interrupted = true;   // the run's own schedulers may interrupt the thread that ends it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
