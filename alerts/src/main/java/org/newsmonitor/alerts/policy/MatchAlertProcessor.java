package org.newsmonitor.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/** Turns one theme match into at most one alert per interested subscription; bad input becomes a dead letter. */
final class MatchAlertProcessor extends EventAlertProcessor<ThemeMatchEvent> {

    MatchAlertProcessor(String dedupStoreName, Duration retention, String alertsSink, String deadLettersSink) {
        super(Topics.THEME_MATCHES, AlertPolicyTopology.MATCHES_TO_ALERTS, dedupStoreName, retention, alertsSink,
                deadLettersSink);
    }

    @Override
    boolean accepts(SubscriptionEvent subscription, ThemeMatchEvent match) {
        return AlertPolicy.accepts(subscription, match);
    }

    @Override
    AlertEvent alertFor(SubscriptionEvent subscription, ThemeMatchEvent match, Instant now) {
        return AlertPolicy.alertFor(subscription, match, now);
    }
}
