package dev.flowline;

/**
 * How a run maps stages onto threads. One pipeline definition runs unchanged under every mode, with the same
 * multiset of outputs (and the same order where every stage is ordered), so the modes can be compared.
 *
 * <table>
 *   <caption>Where each kind of stage runs</caption>
 *   <tr><th>Mode</th><th>CPU</th><th>BLOCKING_IO</th><th>ASYNC_IO</th></tr>
 *   <tr><td>REACTIVE</td><td>parallel scheduler</td><td>boundedElastic</td><td>no hop (event loop)</td></tr>
 *   <tr><td>VIRTUAL</td><td>parallel scheduler</td><td>a virtual thread per element</td><td>no hop (event loop)</td></tr>
 *   <tr><td>THREADS</td><td>fixed platform pool</td><td>fixed platform pool</td><td>awaited, blocking, on the pool</td></tr>
 *   <tr><td>SERIAL</td><td colspan="3">one thread, one element at a time through every stage</td></tr>
 * </table>
 */
public enum Mode {
    /** Each kind on its Reactor scheduler: parallel for CPU, boundedElastic for blocking I/O, no hop for async I/O. */
    REACTIVE,
    /** Like REACTIVE, but blocking I/O runs one virtual thread per element, bounded only by the stage's concurrency. */
    VIRTUAL,
    /** Thread-per-task: every stage runs on one fixed pool of platform threads; async I/O is awaited on it. */
    THREADS,
    /** One thread, one element at a time, through every stage: the baseline every other mode is measured against. */
    SERIAL
}
