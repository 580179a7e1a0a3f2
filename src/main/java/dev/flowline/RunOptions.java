package dev.flowline;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import reactor.core.scheduler.Scheduler;

/** How a pipeline runs, apart from its stages: everything a {@link Pipeline} method other than a step sets. */
record RunOptions(Mode mode, int threads, Consumer<? super DeadLetter> deadLetters, Overrides overrides,
                  Timeline timeline, boolean reportsPinning, UnaryOperator<Scheduler> schedulerDecorator) {

    static RunOptions defaults() {
        return new RunOptions(Mode.REACTIVE, Pipeline.DEFAULT_THREADS, null, Overrides.none(), null, false,
                UnaryOperator.identity());
    }

    RunOptions withMode(Mode newMode) {
        return new RunOptions(newMode, threads, deadLetters, overrides, timeline, reportsPinning, schedulerDecorator);
    }

    RunOptions withThreads(int newThreads) {
        return new RunOptions(mode, newThreads, deadLetters, overrides, timeline, reportsPinning, schedulerDecorator);
    }

    RunOptions withDeadLetters(Consumer<? super DeadLetter> sink) {
        return new RunOptions(mode, threads, sink, overrides, timeline, reportsPinning, schedulerDecorator);
    }

    RunOptions withOverrides(Overrides newOverrides) {
        return new RunOptions(mode, threads, deadLetters, newOverrides, timeline, reportsPinning, schedulerDecorator);
    }

    RunOptions withTimeline(Timeline newTimeline) {
        return new RunOptions(mode, threads, deadLetters, overrides, newTimeline, reportsPinning, schedulerDecorator);
    }

    RunOptions withPinningReported() {
        return new RunOptions(mode, threads, deadLetters, overrides, timeline, true, schedulerDecorator);
    }

    RunOptions withSchedulerDecorator(UnaryOperator<Scheduler> decorator) {
        return new RunOptions(mode, threads, deadLetters, overrides, timeline, reportsPinning, decorator);
    }
}
