package org.newsmonitor.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the process's CPU time goes, by component: the stream service, the alerts service, the embedded broker,
 * the benchmark's own clients, and the JVM itself (JIT compilers and garbage collector, which have no Java thread).
 * Read from the JVM's per-thread CPU clocks, so it counts time on a CPU, not time waiting for one.
 */
final class CpuByComponent {
    static final String STREAM = "stream service";
    static final String ALERTS = "alerts service";
    static final String BROKER = "broker (and other Kafka threads)";
    static final String DRIVER = "benchmark driver";
    static final String JIT = "JVM: JIT compilers";
    static final String GC = "JVM: garbage collector";
    static final String JVM = "JVM: other (VM thread, ended threads)";
    static final List<String> ORDER = List.of(STREAM, BROKER, ALERTS, DRIVER, JIT, GC, JVM);

    /**
     * CPU nanoseconds per component at one moment, and the whole process's.
     *
     * @param byComponent  CPU of the Java threads, by {@link #component}
     * @param jvmThreads   CPU of the JVM's native threads, by {@link JvmThreadCpu} kind (empty off Linux)
     * @param processNanos CPU of the whole process; -1 when unknown
     */
    record Snapshot(Map<String, Long> byComponent, Map<String, Long> jvmThreads, long processNanos) {
    }

    private CpuByComponent() {
    }

    /** The component a thread belongs to, judged by its name. */
    static String component(String threadName) {
        if (threadName.contains("news-monitor-stream")) {
            return STREAM;
        }
        if (threadName.contains("news-monitor-alerts") || threadName.startsWith("alerts-")) {
            return ALERTS;
        }
        if (threadName.equals("main") || threadName.contains("bench-")) {
            return DRIVER;
        }
        return BROKER;
    }

    /** CPU time so far of every live thread, summed by component, and of the process. */
    static Snapshot take() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> sums = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                sums.merge(component(info.getThreadName()), nanos, Long::sum);
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new Snapshot(sums, JvmThreadCpu.read(), process);
    }

    /**
     * CPU nanoseconds each component used between two snapshots, in {@link #ORDER}; the JIT and GC rows come from
     * the JVM's native threads, and "other" is the rest of the process's time not accounted to a Java thread
     * (threads that ended in between count there too).
     */
    static Map<String, Long> between(Snapshot before, Snapshot after) {
        Map<String, Long> used = new LinkedHashMap<>();
        long threads = 0;
        for (String component : ORDER) {
            if (component.equals(JIT) || component.equals(GC) || component.equals(JVM)) {
                continue;
            }
            long delta = Math.max(0, after.byComponent().getOrDefault(component, 0L)
                    - before.byComponent().getOrDefault(component, 0L));
            used.put(component, delta);
            threads += delta;
        }
        long jit = delta(before.jvmThreads(), after.jvmThreads(), JvmThreadCpu.JIT);
        long gc = delta(before.jvmThreads(), after.jvmThreads(), JvmThreadCpu.GC);
        used.put(JIT, jit);
        used.put(GC, gc);
        if (before.processNanos() >= 0 && after.processNanos() >= 0) {
            used.put(JVM, Math.max(0, after.processNanos() - before.processNanos() - threads - jit - gc));
        }
        return used;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return Math.max(0, after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L));
    }
}
