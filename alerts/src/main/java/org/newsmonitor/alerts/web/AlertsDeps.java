package org.newsmonitor.alerts.web;

import java.util.function.Supplier;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.subscription.SubscriptionService;
import org.newsmonitor.alerts.subscription.ThemeCatalog;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.alerts.view.StatsView;

/**
 * What the HTTP app needs; real Kafka-backed parts in the service, in-memory ones in tests.
 *
 * @param subscriptions         subscription operations
 * @param apiKeys               who may call the subscription API
 * @param themes                known themes
 * @param feed                  recent alerts and live listeners
 * @param deliveries            delivery outcomes
 * @param stats                 theme statistics and surges
 * @param dashboardSubscription the subscription whose alerts {@code GET /alerts} and the dashboard show
 * @param sse                   live stream limits
 * @param maxBodyBytes          largest request body accepted
 * @param health                named checks, each "ok" or a problem, and the Kafka Streams states; never null
 * @param search                the archive search and subscription preview; null when not served (the routes answer
 *                              503)
 */
public record AlertsDeps(SubscriptionService subscriptions, ApiKeys apiKeys, ThemeCatalog themes, AlertFeed feed,
        DeliveryLog deliveries, StatsView stats, String dashboardSubscription, SseSettings sse, int maxBodyBytes,
        Supplier<HealthReport> health, SearchService search) {

    /** Dependencies without search. */
    public AlertsDeps(SubscriptionService subscriptions, ApiKeys apiKeys, ThemeCatalog themes, AlertFeed feed,
            DeliveryLog deliveries, StatsView stats, String dashboardSubscription, SseSettings sse, int maxBodyBytes,
            Supplier<HealthReport> health) {
        this(subscriptions, apiKeys, themes, feed, deliveries, stats, dashboardSubscription, sse, maxBodyBytes, health,
                null);
    }
}
