package org.newsmonitor.alerts.delivery;

import java.util.Optional;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** How one chat service wants an alert: where a subscription's messages go and what each one says. Pure. */
interface ChatFormat {
    /** Channel name in delivery records, e.g. "slack". */
    String name();

    /**
     * Where this subscription's messages go on this service, as a queue key that holds no secret; empty when the
     * subscription does not use the service.
     */
    Optional<String> destination(SubscriptionEvent subscription);

    /** The POST that delivers the alert; only called when {@link #destination} is present. */
    ChatMessage message(AlertEvent alert, SubscriptionEvent subscription);
}
