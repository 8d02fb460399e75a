package org.newsmonitor.contracts.event;

import java.time.Instant;

/**
 * What happened to one alert on one channel, published on {@code news-deliveries} (key: subscription id),
 * so that users can see their deliveries and a restarted service knows what was done.
 *
 * @param schemaVersion  version of this record's shape
 * @param alertId        the alert
 * @param subscriptionId its subscription
 * @param channel        "webhook", "email", "ntfy", "slack", "telegram", "sse", or "console" (printed by
 *                       {@code ./monitor run}; recorded so that a restart does not print it again)
 * @param status         delivered, retrying or dead-lettered
 * @param attempts       attempts made so far
 * @param detail         HTTP status, error or reason in one line; may be null
 * @param nextAttemptAt  when the next retry is due; null unless retrying
 * @param at             when this outcome was recorded
 */
public record DeliveryEvent(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        String channel,
        DeliveryStatus status,
        int attempts,
        String detail,
        Instant nextAttemptAt,
        Instant at) {

    public static final int CURRENT_VERSION = 1;

    public DeliveryEvent {
        String r = "DeliveryEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        alertId = Checks.nonBlank(r, "alertId", alertId);
        subscriptionId = Checks.nonBlank(r, "subscriptionId", subscriptionId);
        channel = Checks.nonBlank(r, "channel", channel);
        Checks.present(r, "status", status);
        detail = Checks.optional(detail);
        Checks.present(r, "at", at);
    }
}
