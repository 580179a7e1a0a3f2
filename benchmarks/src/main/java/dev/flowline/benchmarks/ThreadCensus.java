package dev.flowline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * This JVM's live OS threads by what they are, from their names in {@code /proc/self/task/<tid>/comm} (Linux
 * truncates them to 15 characters): what the JVM brings whatever the client does (its garbage collector, JIT
 * compilers, and VM and JDK service threads) against what the client's model chose (its event loops) and the other
 * Java threads (the harness's own main and sampler threads, and a variant's thread pools or carrier threads).
 *
 * @param gc        G1's threads: parallel workers ({@code GC Thread#n}), concurrent marking and refinement, its
 *                  service thread
 * @param jit       the C1 and C2 compiler threads
 * @param vm        the VM thread, periodic tasks, service and monitor-deflation threads, the JDK's reference
 *                  handler, finalizer, signal dispatcher, cleaner and notification threads, the JDK's unparker of
 *                  virtual threads, the native heap trimmer (footprint clients), and the launcher's first thread
 *                  (which waits for {@code main} to end)
 * @param eventLoop event loops: Reactor Netty's, and the JDK HttpClient's selector thread
 * @param otherJava every other thread: {@code main}, the harness's sampler, pools, carrier threads
 */
record ThreadCensus(int gc, int jit, int vm, int eventLoop, int otherJava) {
    private static final Path TASKS = Path.of("/proc/self/task");

    /** What a thread is, by its name. */
    enum Kind {
        GC("GC Thread", "G1 "),
        JIT("C1 CompilerThre", "C2 CompilerThre", "JVMCI"),
        VM("VM Thread", "VM Periodic Tas", "Service Thread", "Monitor Deflati", "Reference Handl", "Finalizer",
                "Signal Dispatch", "Common-Cleaner", "Notification Th", "Attach Listener", "VirtualThread-u",
                "Native Heap Tri"),
        EVENT_LOOP("bench-netty-", "reactor-http-", "HttpClient-"),
        OTHER_JAVA;

        private final List<String> prefixes;

        Kind(String... prefixes) {
            this.prefixes = List.of(prefixes);
        }

        /** The kind of the thread named {@code name}; the process's first thread (the launcher's) is the VM's. */
        static Kind of(String name, boolean primordial) {
            if (primordial) {
                return VM;
            }
            for (Kind kind : values()) {
                if (kind.prefixes.stream().anyMatch(name::startsWith)) {
                    return kind;
                }
            }
            return OTHER_JAVA;
        }
    }

    /** Counts this JVM's threads now; all zero where there is no {@code /proc}. */
    static ThreadCensus take() {
        String primordial = String.valueOf(ProcessHandle.current().pid());
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        if (!eachThread((task, name) -> counts.merge(Kind.of(name, task.getFileName().toString().equals(primordial)),
                1, Integer::sum))) {
            counts.clear();
        }
        return new ThreadCensus(counts.getOrDefault(Kind.GC, 0), counts.getOrDefault(Kind.JIT, 0),
                counts.getOrDefault(Kind.VM, 0), counts.getOrDefault(Kind.EVENT_LOOP, 0),
                counts.getOrDefault(Kind.OTHER_JAVA, 0));
    }

    int total() {
        return gc + jit + vm + eventLoop + otherJava;
    }

    /** Like {@code 22 = 6 GC + 2 JIT + 10 VM/service + 2 event loop + 2 other Java}. */
    String describe() {
        return total() + " = " + gc + " GC + " + jit + " JIT + " + vm + " VM/service + " + eventLoop + " event loop + "
                + otherJava + " other Java";
    }

    /**
     * Hands each live thread of this JVM to {@code thread}: its {@code /proc/self/task/<tid>} directory and its name.
     * A thread that ends meanwhile is skipped. Returns false where there is no {@code /proc} (not Linux).
     */
    static boolean eachThread(BiConsumer<Path, String> thread) {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = comm(task);
                if (name != null) {
                    thread.accept(task, name);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
