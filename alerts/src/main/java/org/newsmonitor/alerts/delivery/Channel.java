package org.newsmonitor.alerts.delivery;

import java.util.List;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** One way of delivering alerts: a webhook, e-mail. Implementations never throw; failures are outcomes. */
public interface Channel {
    /** Name in delivery records: "webhook" or "email". */
    String name();

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
