package org.newsmonitor.contracts;

import java.util.List;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;

/**
 * Every topic of the monitor, in one place. Keys are UTF-8 strings; values are JSON records validated on read,
 * each with a JSON Schema under docs/schemas/.
 */
public final class Topics {
    private static final long WEEK = 7 * 24 * 3600_000L;
    private static final long FOREVER = -1L;

    /**
     * Normalised articles. Key: article id. Timestamp: publication time. Kept forever: replayed history carries old
     * publication times, and time-based retention would delete it at once.
     */
    public static final TopicSpec<ArticleEvent> ARTICLES = new TopicSpec<>("news-articles", "article id",
            ArticleEvent.class, "news-articles.schema.json", 3, false, FOREVER);

    /** The theme catalog. Key: theme id. Compacted; a tombstone removes a theme. */
    public static final TopicSpec<ThemeDefinition> THEMES = new TopicSpec<>("news-themes", "theme id",
            ThemeDefinition.class, "news-themes.schema.json", 1, true, FOREVER);

    /** Articles that matched a theme. Key: story id. Timestamp: publication time. Kept forever, like articles. */
    public static final TopicSpec<ThemeMatchEvent> THEME_MATCHES = new TopicSpec<>("news-theme-matches",
            "story id", ThemeMatchEvent.class, "news-theme-matches.schema.json", 3, false, FOREVER);

    /**
     * Articles that matched a subscription's private query, kept apart from theme matches so that no consumer of
     * {@code news-theme-matches} mistakes one for a theme match or shows it to another owner. Key: story id. Value:
     * a ThemeMatchEvent whose themeId is {@code query:<subscriptionId>}. Timestamp: publication time.
     */
    public static final TopicSpec<ThemeMatchEvent> QUERY_MATCHES = new TopicSpec<>("news-query-matches",
            "story id", ThemeMatchEvent.class, "news-query-matches.schema.json", 3, false, 30 * 24 * 3600_000L);

    /** Surges in a theme's hourly volume. Key: theme id. */
    public static final TopicSpec<SurgeEvent> THEME_SURGES = new TopicSpec<>("news-theme-surges", "theme id",
            SurgeEvent.class, "news-theme-surges.schema.json", 1, false, 30 * 24 * 3600_000L);

    /** Matches per theme per hour and per day (event time). Key: "themeId@granularity@windowStart". */
    public static final TopicSpec<ThemeStatsEvent> THEME_STATS = new TopicSpec<>("news-theme-stats",
            "themeId@granularity@windowStart", ThemeStatsEvent.class, "news-theme-stats.schema.json", 1, true, FOREVER);

    /** Subscriptions. Key: subscription id. Compacted; a tombstone deletes a subscription. */
    public static final TopicSpec<SubscriptionEvent> SUBSCRIPTIONS = new TopicSpec<>("news-subscriptions",
            "subscription id", SubscriptionEvent.class, "news-subscriptions.schema.json", 1, true, FOREVER);

    /** Alerts for subscribers. Key: subscription id. */
    public static final TopicSpec<AlertEvent> ALERTS = new TopicSpec<>("news-alerts", "subscription id",
            AlertEvent.class, "news-alerts.schema.json", 3, false, 30 * 24 * 3600_000L);

    /** Delivery outcomes of alerts per channel. Key: subscription id. */
    public static final TopicSpec<DeliveryEvent> DELIVERIES = new TopicSpec<>("news-deliveries", "subscription id",
            DeliveryEvent.class, "news-deliveries.schema.json", 3, false, 4 * WEEK);

    /** Per-feed fetch state of the ingester. Key: feed id. Compacted. */
    public static final TopicSpec<FeedStateEvent> FEED_STATE = new TopicSpec<>("news-feed-state", "feed id",
            FeedStateEvent.class, "news-feed-state.schema.json", 1, true, FOREVER);

    /** What could not be processed, with the reason. Key: the source record's key. */
    public static final TopicSpec<DeadLetterEvent> DEAD_LETTERS = new TopicSpec<>("news-dead-letters",
            "source record key", DeadLetterEvent.class, "news-dead-letters.schema.json", 1, false, 4 * WEEK);

    /** All topics, in pipeline order. */
    public static final List<TopicSpec<?>> ALL = List.of(ARTICLES, THEMES, THEME_MATCHES, QUERY_MATCHES, THEME_SURGES,
            THEME_STATS, SUBSCRIPTIONS, ALERTS, DELIVERIES, FEED_STATE, DEAD_LETTERS);

    private Topics() {
    }

    /** The spec of the named topic, or null when the monitor has no such topic. */
    public static TopicSpec<?> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
