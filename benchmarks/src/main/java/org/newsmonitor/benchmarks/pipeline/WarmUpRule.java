package org.newsmonitor.benchmarks.pipeline;

import java.util.Map;

/**
 * When the benchmark's warm-up may end: after at least {@code minArticles}, once the JIT compilers took no more
 * than {@code jitShare} of the process's CPU during the last chunk of articles, and in any case at
 * {@code maxArticles}. On two cores the compiler keeps compiling the broker's, Kafka Streams' and our code for
 * minutes; measuring before it settles measures the compiler.
 *
 * @param minArticles articles always sent
 * @param maxArticles articles after which the warm-up ends, settled or not; at least {@code minArticles}
 * @param jitShare    largest share of the CPU (0 to 1) the JIT may take in a chunk for the warm-up to end
 */
record WarmUpRule(int minArticles, int maxArticles, double jitShare) {
    /** The compiler is taken as settled when it uses at most a tenth of the process's CPU. */
    static final double SETTLED_JIT_SHARE = 0.10;

    WarmUpRule {
        if (minArticles < 0 || maxArticles < minArticles) {
            throw new IllegalArgumentException("warm-up articles: need 0 <= minimum <= maximum, were " + minArticles
                    + " and " + maxArticles);
        }
        if (jitShare <= 0 || jitShare > 1) {
            throw new IllegalArgumentException("jitShare must be in (0, 1], was " + jitShare);
        }
    }

    /**
     * Whether to stop after {@code sent} articles, given the CPU each component used during the last chunk (as
     * {@link CpuByComponent#between} gives it).
     */
    boolean done(int sent, Map<String, Long> lastChunkCpu) {
        if (sent < minArticles) {
            return false;
        }
        if (sent >= maxArticles) {
            return true;
        }
        return jitShareOf(lastChunkCpu) <= jitShare;
    }

    /** The JIT compilers' share of all CPU in {@code cpu}; 1 when nothing was measured. */
    static double jitShareOf(Map<String, Long> cpu) {
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 1 : (double) cpu.getOrDefault(CpuByComponent.JIT, 0L) / total;
    }
}
