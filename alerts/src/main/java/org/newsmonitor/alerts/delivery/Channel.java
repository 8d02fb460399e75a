package org.newsmonitor.alerts.delivery;

import java.util.List;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * One way of delivering alerts: a webhook, e-mail, a chat service (ntfy, Slack, Telegram) or the console. The
 * {@link DeliveryPlanner} asks each channel whether a subscription uses it; the {@link EndpointQueues} make the
 * attempts. Implementations never throw; failures are outcomes.
 */
public interface Channel {
    /** Name in delivery records: "webhook", "email", "ntfy", "slack", "telegram" or "console". */
    String name();

    /** Whether the subscription asks for its alerts on this channel. */
    boolean usedBy(SubscriptionEvent subscription);

    /**
     * Whether the alerts of a subscription in a digest mode are gathered into one digest per period on this channel
     * rather than delivered one by one. Only e-mail gathers digests; every other channel delivers each alert as it
     * comes, whatever the subscription's mode.
     */
    default boolean gathersDigests() {
        return false;
    }

    /** The queue key: attempts with the same key run one at a time, other keys are not delayed by them. */
    String endpoint(SubscriptionEvent subscription);

    /**
     * Makes one attempt to deliver the alerts (one alert, or several in a digest).
     *
     * @param alerts       what to deliver; never empty
     * @param subscription where to
     * @param attempt      1 for the first attempt
     * @return what happened; never null
     */
    Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt);
}
