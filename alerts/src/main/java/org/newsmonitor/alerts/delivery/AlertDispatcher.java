package org.newsmonitor.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsmonitor.alerts.digest.DigestScheduler;
import org.newsmonitor.alerts.subscription.SubscriptionStore;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Starts the deliveries of each alert the consumer reads and acknowledges the alert once they are all finished:
 * finds the alert's subscription, asks the {@link DeliveryPlanner} what to deliver, queues the attempts on the
 * {@link EndpointQueues} and the digest alerts on the {@link DigestScheduler}. An alert made for a subscription this
 * instance has not seen yet (it is written elsewhere) waits up to {@link #SUBSCRIPTION_GRACE} for it; after that the
 * subscription counts as deleted and the alert as done. Not thread-safe: the delivery consumer's thread uses it.
 */
public final class AlertDispatcher {
    /** How long an alert waits for its subscription to appear in this instance's view. */
    static final Duration SUBSCRIPTION_GRACE = Duration.ofSeconds(60);

    private final SubscriptionStore subscriptions;
    private final DeliveryPlanner planner;
    private final DeliveryPlanner.PastOutcomes past;
    private final EndpointQueues queues;
    private final DigestScheduler digests;
    private final Clock clock;
    private final List<Waiting> awaitingSubscription = new ArrayList<>();

    /**
     * @param subscriptions current subscriptions
     * @param planner       decides the deliveries
     * @param past          delivery outcomes so far (from the deliveries topic)
     * @param queues        make the attempts
     * @param digests       hold the alerts of digest subscriptions
     * @param clock         the current time
     */
    public AlertDispatcher(SubscriptionStore subscriptions, DeliveryPlanner planner, DeliveryPlanner.PastOutcomes past,
            EndpointQueues queues, DigestScheduler digests, Clock clock) {
        this.subscriptions = subscriptions;
        this.planner = planner;
        this.past = past;
        this.queues = queues;
        this.digests = digests;
        this.clock = clock;
    }

    /**
     * Starts the alert's deliveries.
     *
     * @param acknowledge runs once, when every delivery was delivered or dead-lettered (at once when there are none)
     */
    public void dispatch(AlertEvent alert, Runnable acknowledge) {
        Optional<SubscriptionEvent> found = subscriptions.get(alert.subscriptionId());
        if (found.isPresent()) {
            deliver(alert, found.get(), acknowledge);
        } else if (withinGrace(alert, clock.instant())) {
            awaitingSubscription.add(new Waiting(alert, acknowledge));
        } else {
            // the subscription was deleted: nothing to deliver
            acknowledge.run();
        }
    }

    /** Looks again for the subscriptions of alerts waiting for one. */
    public void retryAwaitingSubscription() {
        if (awaitingSubscription.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Waiting> waiting = new ArrayList<>(awaitingSubscription);
        awaitingSubscription.clear();
        for (Waiting w : waiting) {
            Optional<SubscriptionEvent> found = subscriptions.get(w.alert().subscriptionId());
            if (found.isPresent()) {
                deliver(w.alert(), found.get(), w.acknowledge());
            } else if (withinGrace(w.alert(), now)) {
                awaitingSubscription.add(w);
            } else {
                w.acknowledge().run();
            }
        }
    }

    private static boolean withinGrace(AlertEvent alert, Instant now) {
        return alert.createdAt().plus(SUBSCRIPTION_GRACE).isAfter(now);
    }

    private void deliver(AlertEvent alert, SubscriptionEvent subscription, Runnable acknowledge) {
        List<PlannedDelivery> planned = planner.plan(alert, subscription, past, clock.instant());
        if (planned.isEmpty()) {
            acknowledge.run();
            return;
        }
        AtomicInteger remaining = new AtomicInteger(planned.size());
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                acknowledge.run();
            }
        };
        for (PlannedDelivery p : planned) {
            if (p instanceof PlannedDelivery.Attempts a) {
                queues.submit(new DeliveryJob(a.channel(), subscription, List.of(alert), a.attemptsSoFar(),
                        a.giveUpAt(), oneDone), a.delay());
            } else if (p instanceof PlannedDelivery.ToDigest) {
                digests.hold(subscription, alert, oneDone);
            }
        }
    }

    private record Waiting(AlertEvent alert, Runnable acknowledge) {
    }
}
