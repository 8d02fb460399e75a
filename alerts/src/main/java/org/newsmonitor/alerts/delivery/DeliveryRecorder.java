package org.newsmonitor.alerts.delivery;

import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;

/** Records delivery outcomes durably: the deliveries topic and the dead-letter topic in production. */
public interface DeliveryRecorder {
    /**
     * Records one outcome before returning.
     *
     * @throws IllegalStateException when it cannot be recorded
     */
    void outcome(DeliveryEvent event);

    /**
     * Records a dead letter before returning.
     *
     * @throws IllegalStateException when it cannot be recorded
     */
    void deadLetter(DeadLetterEvent event);
}
