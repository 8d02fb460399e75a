package org.newsmonitor.alerts.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Gathers alerts of digest subscriptions until their period ends (UTC hours or days, by the alert's creation time).
 * Nothing here is acknowledged: the alerts' offsets stay uncommitted until the digest was sent, so a restart refills
 * the buffer from the alerts topic.
 */
public final class DigestBuffer {
    private final Map<String, Pending> bySubscription = new LinkedHashMap<>();

    /** Adds an alert; {@code done} runs when the digest carrying it was sent or dead-lettered. */
    public synchronized void add(SubscriptionEvent subscription, AlertEvent alert, Runnable done) {
        Pending p = bySubscription.computeIfAbsent(subscription.id(), k -> new Pending());
        p.subscription = subscription;
        if (p.alerts.stream().noneMatch(a -> a.alertId().equals(alert.alertId()))) {
            p.alerts.add(alert);
            p.done.add(done);
        } else {
            done.run();
        }
        Instant end = periodEnd(subscription.mode(), alert.createdAt());
        if (p.dueAt == null || end.isBefore(p.dueAt)) {
            p.dueAt = end;
        }
    }

    /** Takes every digest whose period has ended by {@code now}; never null. */
    public synchronized List<Digest> takeDue(Instant now) {
        List<Digest> due = new ArrayList<>();
        bySubscription.entrySet().removeIf(e -> {
            Pending p = e.getValue();
            if (!now.isBefore(p.dueAt)) {
                List<Runnable> callbacks = List.copyOf(p.done);
                due.add(new Digest(p.subscription, List.copyOf(p.alerts), () -> callbacks.forEach(Runnable::run)));
                return true;
            }
            return false;
        });
        return due;
    }

    /** Alerts waiting in digests. */
    public synchronized int size() {
        return bySubscription.values().stream().mapToInt(p -> p.alerts.size()).sum();
    }

    /** The end of the digest period that contains {@code at}. */
    static Instant periodEnd(DeliveryMode mode, Instant at) {
        ChronoUnit unit = mode == DeliveryMode.DAILY_DIGEST ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        return at.truncatedTo(unit).plus(Duration.of(1, unit));
    }

    /**
     * A digest ready to send.
     *
     * @param subscription to whom
     * @param alerts       what, oldest first
     * @param done         acknowledges every alert in it
     */
    public record Digest(SubscriptionEvent subscription, List<AlertEvent> alerts, Runnable done) {
    }

    private static final class Pending {
        SubscriptionEvent subscription;
        final List<AlertEvent> alerts = new ArrayList<>();
        final List<Runnable> done = new ArrayList<>();
        Instant dueAt;
    }
}
