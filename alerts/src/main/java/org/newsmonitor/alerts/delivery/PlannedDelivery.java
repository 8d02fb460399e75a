package org.newsmonitor.alerts.delivery;

import java.time.Duration;
import java.time.Instant;

/** One delivery of one alert that the {@link DeliveryPlanner} decided on. */
public sealed interface PlannedDelivery {
    /** The channel it goes out on; never null. */
    Channel channel();

    /**
     * Attempts on the channel, made by the endpoint queues.
     *
     * @param channel       how
     * @param attemptsSoFar attempts recorded before (0 for an alert new to the channel)
     * @param delay         wait before the next attempt: until a retry recorded earlier is due, else zero
     * @param giveUpAt      no attempt is scheduled after this
     */
    record Attempts(Channel channel, int attemptsSoFar, Duration delay, Instant giveUpAt) implements PlannedDelivery {
    }

    /**
     * The alert waits for its subscription's digest on the channel.
     *
     * @param channel the channel that gathers digests
     */
    record ToDigest(Channel channel) implements PlannedDelivery {
    }
}
