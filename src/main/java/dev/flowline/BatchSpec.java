package dev.flowline;

import java.time.Duration;

/** A batching step as declared: its name, the most elements per list, and the longest wait for a full list. */
record BatchSpec(String name, int size, Duration maxWait) {
    BatchSpec {
        Stage.checkName(name);
        if (size < 1 || size > Stage.MAX_CONCURRENCY) {
            throw new FlowlineException("batch '" + name + "': size must be between 1 and " + Stage.MAX_CONCURRENCY
                    + ", got " + size);
        }
        Stage.checkTimeout(name, maxWait);
    }

    String describe() {
        return "up to " + size + " per " + Durations.format(maxWait);
    }
}
