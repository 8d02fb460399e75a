package org.newsmonitor.alerts.delivery;

import java.time.Instant;
import java.util.List;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Alerts to deliver on one channel of one subscription (one alert, or a digest), with its attempts so far.
 *
 * @param channel      how
 * @param subscription to whom
 * @param alerts       what; never empty
 * @param attempts     attempts already made
 * @param giveUpAt     no attempt is scheduled after this
 * @param done         called once the job was delivered or dead-lettered and that was recorded
 */
public record DeliveryJob(Channel channel, SubscriptionEvent subscription, List<AlertEvent> alerts, int attempts,
        Instant giveUpAt, Runnable done) {

    /** The same job after one more attempt. */
    DeliveryJob next() {
        return new DeliveryJob(channel, subscription, alerts, attempts + 1, giveUpAt, done);
    }

    /** The queue this job waits in. */
    String endpoint() {
        return channel.endpoint(subscription);
    }
}
