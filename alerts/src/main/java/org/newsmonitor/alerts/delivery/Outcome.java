package org.newsmonitor.alerts.delivery;

import java.time.Duration;

/** The result of one delivery attempt. */
public sealed interface Outcome {
    /** One line for the deliveries topic, e.g. "HTTP 500"; null when there is nothing to add. */
    String detail();

    /** The receiver took it. */
    record Delivered(String detail) implements Outcome {
    }

    /** A temporary failure; try again, not sooner than {@code notBefore} (zero when the receiver did not say). */
    record RetryLater(String detail, Duration notBefore) implements Outcome {
    }

    /** A permanent failure; dead-letter it now. */
    record GiveUp(String detail) implements Outcome {
    }
}
