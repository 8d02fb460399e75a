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
    /**
     * Matches per theme per hour and per day, and per polarity per day (event time), keyed by bucket (see
     * {@link org.newsmonitor.stream.stats.TimeBuckets}); hour buckets also say whether a surge was reported.
     */
    public static final String THEME_COUNTS = "theme-counts-store";

    /** Repartition into one partition so that every copy of a story meets the same story index. */
    public static final String STORY_CLUSTERING_TOPIC = "story-clustering";
    /** Repartition of the matches read back from news-theme-matches into the one counting task, keyed by theme id. */
    public static final String MATCHES_TO_COUNT_TOPIC = "matches-to-count";

    private StoreNames() {
    }
}
