package org.newsmonitor.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Decides which deliveries one alert still needs: pure, no Kafka, no threads. Each channel the subscription uses
 * gets one delivery, unless the alert's latest outcome on that channel is final (delivered or dead-lettered, by this
 * process or by one before a restart), since an alert goes out at most once per channel. A retry recorded before a
 * restart resumes with its attempt count, not before it is due. On a channel that gathers digests, the alerts of a
 * subscription in a digest mode wait for the digest. Which alerts a subscription gets at all (its themes or query,
 * filters, one alert per story) was decided by the alert policy before the alert was written.
 */
public final class DeliveryPlanner {
    private final List<Channel> channels;
    private final Duration giveUpAfter;

    /**
     * @param channels    every channel, in the order their deliveries are started
     * @param giveUpAfter no attempt is scheduled later than this after the alert was made
     *                    ({@link RetrySchedule#giveUpAfter()})
     */
    public DeliveryPlanner(List<Channel> channels, Duration giveUpAfter) {
        this.channels = List.copyOf(channels);
        this.giveUpAfter = giveUpAfter;
    }

    /** What was recorded so far: the latest outcome of an alert on a channel, e.g. {@code DeliveryLog::latest}. */
    @FunctionalInterface
    public interface PastOutcomes {
        /** The latest outcome of the alert on the channel, if one was recorded. */
        Optional<DeliveryEvent> latest(String alertId, String channel);
    }

    /**
     * The deliveries the alert still needs, in channel order; empty when there is nothing (left) to do.
     *
     * @param alert        the alert
     * @param subscription its subscription as this instance knows it
     * @param past         outcomes recorded so far
     * @param now          the current time
     * @return never null
     */
    public List<PlannedDelivery> plan(AlertEvent alert, SubscriptionEvent subscription, PastOutcomes past,
            Instant now) {
        List<PlannedDelivery> planned = new ArrayList<>();
        for (Channel channel : channels) {
            if (!channel.usedBy(subscription)) {
                continue;
            }
            Optional<DeliveryEvent> last = past.latest(alert.alertId(), channel.name());
            if (last.isPresent() && last.get().status() != DeliveryStatus.RETRYING) {
                continue;
            }
            if (channel.gathersDigests() && subscription.mode() != DeliveryMode.IMMEDIATE) {
                planned.add(new PlannedDelivery.ToDigest(channel));
            } else {
                planned.add(attempts(channel, alert, last, now));
            }
        }
        return planned;
    }

    private PlannedDelivery.Attempts attempts(Channel channel, AlertEvent alert, Optional<DeliveryEvent> last,
            Instant now) {
        int attemptsSoFar = last.map(DeliveryEvent::attempts).orElse(0);
        Duration delay = last.map(DeliveryEvent::nextAttemptAt).filter(at -> at.isAfter(now))
                .map(at -> Duration.between(now, at)).orElse(Duration.ZERO);
        Instant giveUpAt = alert.createdAt().plus(giveUpAfter);
        // an alert read again long after it was made still gets its attempt, but no retries
        return new PlannedDelivery.Attempts(channel, attemptsSoFar, delay, giveUpAt.isBefore(now) ? now : giveUpAt);
    }
}
