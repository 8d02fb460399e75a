package org.newsmonitor.alerts.kafka;

import org.newsmonitor.contracts.event.DeadLetterEvent;

/** Where the alerts service puts what it gives up on; the dead-letter topic in production. */
@FunctionalInterface
public interface DeadLetterSink {
    /**
     * Records the dead letter durably before returning.
     *
     * @param event what failed and why
     * @param error the failure; may be null
     * @throws IllegalStateException when it cannot be recorded
     */
    void publish(DeadLetterEvent event, Throwable error);
}
