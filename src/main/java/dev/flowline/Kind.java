package dev.flowline;

/**
 * The kind of work a stage does. Flowline derives where a stage runs from its kind and the run's {@link Mode}.
 *
 * <pre>{@code
 * Stage.cpu("parse", Html::parse)               // Kind.CPU: the parallel scheduler, one thread per core
 * Stage.blocking("store", db::save)             // Kind.BLOCKING_IO: boundedElastic, or a virtual thread per element
 * Stage.async("fetch", client::get)             // Kind.ASYNC_IO: no thread hop, continues where the I/O completes
 * }</pre>
 */
public enum Kind {
    /** Computation that keeps a core busy: parsing, hashing, compressing. Must not block. */
    CPU,
    /** Work that blocks its thread while it waits: JDBC, file I/O, a blocking HTTP client. */
    BLOCKING_IO,
    /** Non-blocking I/O that returns a {@link org.reactivestreams.Publisher}. Must not block. */
    ASYNC_IO
}
