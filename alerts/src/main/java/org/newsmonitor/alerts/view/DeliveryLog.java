package org.newsmonitor.alerts.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsmonitor.contracts.event.DeliveryEvent;

/**
 * What happened to each alert on each channel, materialised from the deliveries topic: the latest outcome per alert
 * and channel (so a restarted service resumes retries and skips what was done) and recent outcomes per subscription.
 */
public final class DeliveryLog {
    private final int perSubscription;
    private final Map<String, DeliveryEvent> latest;
    private final Map<String, ArrayDeque<DeliveryEvent>> bySubscription = new LinkedHashMap<>();

    /**
     * @param perSubscription outcomes kept per subscription
     * @param maxTracked      alert-and-channel pairs remembered; the oldest are forgotten beyond this
     */
    public DeliveryLog(int perSubscription, int maxTracked) {
        this.perSubscription = perSubscription;
        this.latest = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DeliveryEvent> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** Records one outcome. */
    public synchronized void apply(DeliveryEvent event) {
        if (event == null) {
            return;
        }
        String key = key(event.alertId(), event.channel());
        latest.remove(key);
        latest.put(key, event);
        ArrayDeque<DeliveryEvent> recent = bySubscription.computeIfAbsent(event.subscriptionId(), k -> new ArrayDeque<>());
        recent.addLast(event);
        if (recent.size() > perSubscription) {
            recent.removeFirst();
        }
    }

    /** The latest outcome of an alert on a channel, if known. */
    public synchronized Optional<DeliveryEvent> latest(String alertId, String channel) {
        return Optional.ofNullable(latest.get(key(alertId, channel)));
    }

    /** Recent outcomes of a subscription's deliveries, newest first; never null. */
    public synchronized List<DeliveryEvent> recent(String subscriptionId, int limit) {
        ArrayDeque<DeliveryEvent> recent = bySubscription.get(subscriptionId);
        List<DeliveryEvent> out = new ArrayList<>();
        if (recent != null) {
            Iterator<DeliveryEvent> it = recent.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
        }
        return out;
    }

    private static String key(String alertId, String channel) {
        return alertId + "|" + channel;
    }
}
