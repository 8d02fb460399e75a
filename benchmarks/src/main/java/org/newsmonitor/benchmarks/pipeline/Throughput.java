package org.newsmonitor.benchmarks.pipeline;

/**
 * Articles handled in an interval.
 *
 * @param articles articles handled
 * @param seconds  length of the interval
 */
record Throughput(long articles, double seconds) {

    /** Articles per second. */
    double perSecond() {
        return seconds <= 0 ? 0 : articles / seconds;
    }
}
