/**
 * The pipeline benchmark behind {@code monitor bench}: synthetic articles of realistic size driven through the whole
 * monitor on a fresh embedded broker, against the raw produce-consume ceiling of the same broker.
 */
package org.newsmonitor.benchmarks.pipeline;
