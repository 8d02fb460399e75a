package org.newsmonitor.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own native threads (JIT compilers, garbage collector), which have no Java thread and so no
 * per-thread clock in the management API; read from {@code /proc/self/task} on Linux, nothing elsewhere.
 */
final class JvmThreadCpu {
    static final String JIT = "JIT compilers";
    static final String GC = "garbage collector";
    /** /proc reports times in clock ticks of 1/100 s (USER_HZ) on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path TASKS = Path.of("/proc/self/task");

    private JvmThreadCpu() {
    }

    /** CPU nanoseconds so far of the JIT compiler threads and of the garbage collector threads; empty off Linux. */
    static Map<String, Long> read() {
        Map<String, Long> sums = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return sums;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String kind = kind(Files.readString(task.resolve("comm")).strip());
                    if (kind != null) {
                        sums.merge(kind, ticks(Files.readString(task.resolve("stat"))) * NANOS_PER_TICK, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading: its time is no longer anyone's
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return sums;
    }

    /** {@link #JIT}, {@link #GC} or null for a native thread name as the kernel shows it (at most 15 chars). */
    static String kind(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return GC;
        }
        return null;
    }

    /** User plus system time, in ticks, from a {@code /proc/.../stat} line (fields 14 and 15). */
    static long ticks(String stat) {
        // the name in parentheses may hold spaces; the fixed fields start after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
