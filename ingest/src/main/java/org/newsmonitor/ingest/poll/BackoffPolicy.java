package org.newsmonitor.ingest.poll;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to poll again after failures: exponential backoff with jitter, capped; a server's Retry-After is honoured
 * (as a minimum); a feed that failed {@link #unhealthyAfter()} times in a row is reported unhealthy.
 *
 * @param initial        delay after the first failure
 * @param max            longest delay between attempts
 * @param jitter         fraction of the delay randomised away (0 = none, 0.5 = delay in [50%, 100%])
 * @param unhealthyAfter consecutive failures after which a feed counts as unhealthy
 * @param kafkaRetry     first delay before retrying a poll whose publish Kafka refused (doubles up to 1 min)
 */
public record BackoffPolicy(Duration initial, Duration max, double jitter, int unhealthyAfter, Duration kafkaRetry) {

    public BackoffPolicy {
        if (initial == null || initial.isNegative() || initial.isZero() || max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        if (unhealthyAfter < 1) {
            throw new IllegalArgumentException("unhealthyAfter must be at least 1, was " + unhealthyAfter);
        }
        if (kafkaRetry == null || kafkaRetry.isNegative() || kafkaRetry.isZero()) {
            throw new IllegalArgumentException("kafkaRetry must be positive, was " + kafkaRetry);
        }
    }

    /** 1 min doubling to 6 h, 50 % jitter, unhealthy after 3 failures, Kafka retry from 5 s. */
    public static BackoffPolicy defaults() {
        return new BackoffPolicy(Duration.ofMinutes(1), Duration.ofHours(6), 0.5, 3, Duration.ofSeconds(5));
    }

    /**
     * The delay before the next attempt.
     *
     * @param failures   consecutive failures including this one (at least 1)
     * @param retryAfter the server's Retry-After; may be null
     * @param random     source of jitter
     * @return the delay; never negative
     */
    public Duration afterFailure(int failures, Duration retryAfter, RandomGenerator random) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        long base = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(exponent, 20)));
        long jittered = base - (long) (base * jitter * random.nextDouble());
        Duration backoff = Duration.ofMillis(Math.max(1, jittered));
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            return retryAfter;
        }
        return backoff;
    }

    /** The delay before retrying after Kafka refused a publish for the {@code attempts}-th time in a row. */
    public Duration afterKafkaFailure(int attempts) {
        long ms = kafkaRetry.toMillis() * (1L << Math.min(Math.max(attempts, 1) - 1, 10));
        return Duration.ofMillis(Math.min(ms, Math.max(60_000, kafkaRetry.toMillis())));
    }
}
