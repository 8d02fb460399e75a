package org.newsmonitor.contracts;

import org.newsmonitor.contracts.event.DeadLetterEvent;

/** Where a service puts what it gives up on: {@code news-dead-letters} in production, a list in unit tests. */
@FunctionalInterface
public interface DeadLetterSink {
    /**
     * Records the dead letter durably before returning.
     *
     * @param event what failed and why; never null
     * @param error the failure; may be null
     * @throws RuntimeException when it cannot be recorded (Kafka unreachable)
     */
    void publish(DeadLetterEvent event, Throwable error);
}
