package org.newsmonitor.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;

/** Turns one surge into at most one alert per subscription that asked for surges of that theme. */
final class SurgeAlertProcessor extends EventAlertProcessor<SurgeEvent> {

    SurgeAlertProcessor(String dedupStoreName, Duration retention, String alertsSink, String deadLettersSink) {
        super(Topics.THEME_SURGES, AlertPolicyTopology.SURGES_TO_ALERTS, dedupStoreName, retention, alertsSink,
                deadLettersSink);
    }

    @Override
    boolean accepts(SubscriptionEvent subscription, SurgeEvent surge) {
        return AlertPolicy.acceptsSurge(subscription, surge);
    }

    @Override
    AlertEvent alertFor(SubscriptionEvent subscription, SurgeEvent surge, Instant now) {
        return AlertPolicy.alertFor(subscription, surge, now);
    }
}
