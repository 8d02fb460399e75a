package org.newsmonitor.alerts.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.newsmonitor.contracts.event.AlertEvent;

/**
 * Recent alerts per subscription, fed from the alerts topic: a bounded ring buffer per subscription for
 * {@code GET /alerts} and for resuming live streams from a Last-Event-ID (the alert id), plus live listeners.
 */
public final class AlertFeed {
    private final int capacity;
    private final int maxSubscriptions;
    private final Map<String, Ring> rings;

    /**
     * @param capacity         alerts kept per subscription
     * @param maxSubscriptions subscriptions with a buffer; the least recently fed one is dropped beyond this
     */
    public AlertFeed(int capacity, int maxSubscriptions) {
        this.capacity = capacity;
        this.maxSubscriptions = maxSubscriptions;
        this.rings = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Ring> eldest) {
                return size() > AlertFeed.this.maxSubscriptions && eldest.getValue().listeners.isEmpty();
            }
        };
    }

    /** Adds an alert to its subscription's buffer and tells the live listeners; repeated alert ids are ignored. */
    public void publish(AlertEvent alert) {
        Ring ring = ring(alert.subscriptionId());
        synchronized (ring) {
            if (!ring.ids.add(alert.alertId())) {
                return;
            }
            ring.alerts.addLast(alert);
            if (ring.alerts.size() > capacity) {
                ring.ids.remove(ring.alerts.removeFirst().alertId());
            }
            for (Consumer<AlertEvent> listener : ring.listeners) {
                listener.accept(alert);
            }
        }
    }

    /**
     * Recent alerts of a subscription, newest first.
     *
     * @param subscriptionId the subscription
     * @param themeId        only this theme; null for all
     * @param limit          at most this many
     * @return alerts; never null
     */
    public List<AlertEvent> recent(String subscriptionId, String themeId, int limit) {
        Ring ring = existing(subscriptionId);
        if (ring == null) {
            return List.of();
        }
        List<AlertEvent> out = new ArrayList<>();
        synchronized (ring) {
            Iterator<AlertEvent> it = ring.alerts.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                AlertEvent a = it.next();
                if (themeId == null || themeId.equals(a.themeId())) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * Attaches a live listener and, atomically with it, says what the listener missed since {@code lastEventId}:
     * the alerts after it when it is still buffered, or a reset plus the whole buffer when it is not. Without a
     * last id nothing is replayed.
     *
     * @param subscriptionId the subscription
     * @param lastEventId    the last alert id the client saw; may be null
     * @param listener       called for each new alert on the feeding thread; must not block
     * @return what to replay and how to detach; never null
     */
    public Attachment attach(String subscriptionId, String lastEventId, Consumer<AlertEvent> listener) {
        Ring ring = ring(subscriptionId);
        synchronized (ring) {
            List<AlertEvent> missed = new ArrayList<>();
            boolean reset = false;
            if (lastEventId != null && !lastEventId.isBlank()) {
                if (ring.ids.contains(lastEventId)) {
                    boolean after = false;
                    for (AlertEvent a : ring.alerts) {
                        if (after) {
                            missed.add(a);
                        } else if (a.alertId().equals(lastEventId)) {
                            after = true;
                        }
                    }
                } else {
                    reset = true;
                    missed.addAll(ring.alerts);
                }
            }
            ring.listeners.add(listener);
            return new Attachment(Collections.unmodifiableList(missed), reset, () -> ring.listeners.remove(listener));
        }
    }

    private synchronized Ring ring(String subscriptionId) {
        return rings.computeIfAbsent(subscriptionId, id -> new Ring());
    }

    private synchronized Ring existing(String subscriptionId) {
        return rings.get(subscriptionId);
    }

    /**
     * What a newly attached listener missed.
     *
     * @param missed alerts to send before live ones, oldest first; never null
     * @param reset  true when the last id was no longer buffered
     * @param detach stops the listener
     */
    public record Attachment(List<AlertEvent> missed, boolean reset, Runnable detach) {
    }

    private static final class Ring {
        final ArrayDeque<AlertEvent> alerts = new ArrayDeque<>();
        final Set<String> ids = new HashSet<>();
        final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
    }
}
