package org.newsmonitor.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the stream service's processing threads spend their wall time: every 10 ms it takes their stacks and counts
 * what each was doing (processing records, committing the transaction, polling for records). A one-thread
 * pipeline is only as fast as the share its thread spends processing. It also counts, per method, the samples in
 * which that method was on the stack (inclusive time), to show which steps of the processing cost most.
 */
final class StreamThreadSampler implements AutoCloseable {
    static final String PROCESS = "processing records";
    static final String COMMIT = "committing (flush, offsets, transaction)";
    static final String POLL = "polling for records";
    static final String OTHER = "other";
    static final List<String> ORDER = List.of(PROCESS, COMMIT, POLL, OTHER);
    private static final long PERIOD_NANOS = 10_000_000L;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> onStack = new HashMap<>();
    private int samples;
    private final Thread sampler;
    private volatile boolean running = true;

    private StreamThreadSampler() {
        ORDER.forEach(activity -> counts.put(activity, 0));
        sampler = new Thread(this::run, "bench-stream-thread-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling. */
    static StreamThreadSampler start() {
        StreamThreadSampler s = new StreamThreadSampler();
        s.sampler.start();
        return s;
    }

    /** Stops sampling and returns the share of samples per activity, in {@link #ORDER}. */
    Map<String, Double> stop() {
        close();
        Map<String, Double> shares = new LinkedHashMap<>();
        synchronized (counts) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            counts.forEach((activity, n) -> shares.put(activity, total == 0 ? 0 : (double) n / total));
        }
        return shares;
    }

    /**
     * The {@code limit} methods most often on the processing threads' stacks, with the share of samples in which
     * each was (a method calling itself counts once per sample); most frequent first.
     */
    Map<String, Double> hottestMethods(int limit) {
        Map<String, Double> hottest = new LinkedHashMap<>();
        synchronized (counts) {
            onStack.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> hottest.put(e.getKey(), samples == 0 ? 0 : (double) e.getValue() / samples));
        }
        return hottest;
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (running) {
            // names first (no stacks), then whole stacks of the processing threads only (not the global thread,
            // which reads the themes): processing stacks run deep
            long[] streamThreads = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds(), 0))
                    .filter(info -> info != null && info.getThreadName().startsWith("news-monitor-stream")
                            && info.getThreadName().contains("-StreamThread-"))
                    .mapToLong(ThreadInfo::getThreadId).toArray();
            for (ThreadInfo info : threads.getThreadInfo(streamThreads, Integer.MAX_VALUE)) {
                if (info != null) {
                    StackTraceElement[] stack = info.getStackTrace();
                    String activity = activity(stack);
                    Set<String> methods = methodsOf(stack);
                    synchronized (counts) {
                        counts.merge(activity, 1, Integer::sum);
                        methods.forEach(method -> onStack.merge(method, 1, Integer::sum));
                        samples++;
                    }
                }
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** The distinct methods on {@code stack}, as simple class name, dot, method name. */
    static Set<String> methodsOf(StackTraceElement[] stack) {
        Set<String> methods = new HashSet<>();
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            methods.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName());
        }
        return methods;
    }

    /** What a stream thread with this stack (innermost frame first) is doing; a commit wins over the rest. */
    static String activity(StackTraceElement[] stack) {
        String found = OTHER;
        for (StackTraceElement frame : stack) {
            String method = frame.getMethodName();
            String type = frame.getClassName();
            if ((type.endsWith("TaskManager") || type.endsWith("TaskExecutor")) && method.startsWith("commit")
                    || type.endsWith("StreamThread") && method.equals("maybeCommit")) {
                return COMMIT;
            }
            if (found == OTHER && type.endsWith("StreamThread") && method.equals("pollPhase")) {
                found = POLL;
            } else if (found == OTHER && (type.endsWith("TaskExecutor") && method.equals("process")
                    || type.endsWith("StreamTask") && method.equals("process"))) {
                found = PROCESS;
            }
        }
        return found;
    }
}
