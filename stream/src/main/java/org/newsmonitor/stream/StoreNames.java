package org.newsmonitor.stream;

/**
 * Names of the stream application's state stores, processors and repartition topics. They are part of the
 * application's identity on the cluster (changelog and repartition topics are named after them), so they never
 * change between releases.
 */
public final class StoreNames {
    /** Theme catalog: theme id to last valid compiled theme plus compile status (global, fed by news-themes). */
    public static final String THEME_CATALOG = "theme-catalog-store";
    /** Global store of the subscriptions' private queries, compiled (fed by news-subscriptions). */
    public static final String SUBSCRIPTION_QUERIES = "subscription-queries-store";
    /** Article ids seen recently, with the wall-clock time they were first seen. */
    public static final String ARTICLE_IDS = "article-ids-store";
    /** Article id to its story id, event time and story fingerprint, for articles within the story window. */
    public static final String STORY_MEMBERS = "story-members-store";
    /** Matches per theme per hour (event time). */
    public static final String THEME_HOURLY_COUNTS = "theme-hourly-counts-store";
    /** Matches per theme per day (event time). */
    public static final String THEME_DAILY_COUNTS = "theme-daily-counts-store";
    /** Matches per polarity per day (event time): the cooperation-vs-friction balance. */
    public static final String POLARITY_DAILY_COUNTS = "polarity-daily-counts-store";
    /** Hourly windows of a theme for which a surge was already reported. */
    public static final String THEME_SURGES = "theme-surges-store";

    /** Repartition into one partition so that every copy of a story meets the same story index. */
    public static final String STORY_CLUSTERING_TOPIC = "story-clustering";
    /** Repartition of matches by theme id for the per-theme counts. */
    public static final String MATCHES_BY_THEME_TOPIC = "matches-by-theme";
    /** Repartition of matches by polarity for the daily balance. */
    public static final String MATCHES_BY_POLARITY_TOPIC = "matches-by-polarity";

    private StoreNames() {
    }
}
