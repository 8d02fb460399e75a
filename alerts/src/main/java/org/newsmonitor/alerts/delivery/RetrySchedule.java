package org.newsmonitor.alerts.delivery;

import java.time.Duration;
import java.util.Random;

/**
 * When to try a failed delivery again: exponential backoff with jitter, capped per step, given up on after a total
 * time since the alert was made.
 *
 * @param initialDelay delay after the first failure
 * @param multiplier   growth of the delay per failure (at least 1)
 * @param maxDelay     largest single delay
 * @param giveUpAfter  no attempt is scheduled later than this after the alert was made
 * @param jitter       fraction of each delay drawn at random, 0..1 (0.2 = the delay varies by up to ±20%)
 */
public record RetrySchedule(Duration initialDelay, double multiplier, Duration maxDelay, Duration giveUpAfter,
        double jitter) {

    public RetrySchedule {
        if (initialDelay == null || initialDelay.isNegative() || maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("RetrySchedule needs 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1 || Double.isNaN(multiplier)) {
            throw new IllegalArgumentException("RetrySchedule.multiplier must be at least 1, was " + multiplier);
        }
        if (giveUpAfter == null || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("RetrySchedule.giveUpAfter must not be negative");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("RetrySchedule.jitter must be within 0..1, was " + jitter);
        }
    }

    /** 10 s doubling up to 1 h per step, ±20%, for 24 hours (about 30 attempts). */
    public static RetrySchedule defaults() {
        return new RetrySchedule(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), Duration.ofHours(24), 0.2);
    }

    /**
     * The delay before the next attempt after {@code failures} failed attempts.
     *
     * @param failures failed attempts so far, at least 1
     * @param random   source of jitter
     * @return the delay; never negative
     */
    public Duration delayAfter(int failures, Random random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }
}
