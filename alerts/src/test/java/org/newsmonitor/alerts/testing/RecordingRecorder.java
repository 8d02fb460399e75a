package org.newsmonitor.alerts.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsmonitor.alerts.delivery.DeliveryRecorder;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;

/** Keeps delivery outcomes and dead letters in memory. */
public final class RecordingRecorder implements DeliveryRecorder {
    public final List<DeliveryEvent> outcomes = new CopyOnWriteArrayList<>();
    public final List<DeadLetterEvent> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public void outcome(DeliveryEvent event) {
        outcomes.add(event);
    }

    @Override
    public void deadLetter(DeadLetterEvent event) {
        deadLetters.add(event);
    }

    public List<DeliveryStatus> statuses(String alertId) {
        return outcomes.stream().filter(o -> o.alertId().equals(alertId)).map(DeliveryEvent::status).toList();
    }

    public boolean finished(String alertId) {
        return outcomes.stream().anyMatch(o -> o.alertId().equals(alertId) && o.status() != DeliveryStatus.RETRYING);
    }
}
