package org.newsmonitor.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.themes.Query;

/**
 * Turns one match of a private query into at most one alert, for the subscription that owns the query only; bad
 * input becomes a dead letter.
 */
final class QueryAlertProcessor extends EventAlertProcessor<ThemeMatchEvent> {

    QueryAlertProcessor(String dedupStoreName, Duration retention, String alertsSink, String deadLettersSink) {
        super(Topics.QUERY_MATCHES, AlertPolicyTopology.QUERY_MATCHES_TO_ALERTS, dedupStoreName, retention,
                alertsSink, deadLettersSink);
    }

    @Override
    String onlySubscription(ThemeMatchEvent match) {
        String id = Query.subscriptionOf(match.themeId());
        if (id == null) {
            throw new IllegalArgumentException("themeId '" + match.themeId() + "' on topic '"
                    + Topics.QUERY_MATCHES.name() + "' is not a query's (query:<subscriptionId>)");
        }
        return id;
    }

    @Override
    boolean accepts(SubscriptionEvent subscription, ThemeMatchEvent match) {
        return AlertPolicy.acceptsQueryMatch(subscription, match);
    }

    @Override
    AlertEvent alertFor(SubscriptionEvent subscription, ThemeMatchEvent match, Instant now) {
        return AlertPolicy.alertFor(subscription, match, now);
    }
}
