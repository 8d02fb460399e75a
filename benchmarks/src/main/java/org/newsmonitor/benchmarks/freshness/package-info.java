/**
 * The end-to-end freshness benchmark ({@link org.newsmonitor.benchmarks.freshness.FreshnessBenchmark}): the time
 * from an item appearing on a local feed server to its alert arriving at a local webhook receiver, through the whole
 * monitor (ingest, stream, alerts) on the embedded broker, with WebSub push and with adaptive polling.
 */
package org.newsmonitor.benchmarks.freshness;
