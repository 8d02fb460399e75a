package org.newsmonitor.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.stream.article.ArticleText;
import org.newsmonitor.stream.article.DecodeArticleProcessor;
import org.newsmonitor.stream.article.DecodedArticle;
import org.newsmonitor.stream.article.DedupWindow;
import org.newsmonitor.stream.article.DeduplicateProcessor;
import org.newsmonitor.stream.catalog.ThemeCatalogStore;
import org.newsmonitor.stream.global.TopicFedStoreBuilder;
import org.newsmonitor.stream.global.TopicFedStoreProcessor;
import org.newsmonitor.stream.match.MatchThemesProcessor;
import org.newsmonitor.stream.match.MatchedArticle;
import org.newsmonitor.stream.match.MatchedArticleSerde;
import org.newsmonitor.stream.stats.PolaritySerde;
import org.newsmonitor.stream.stats.SurgeProcessor;
import org.newsmonitor.stream.stats.ThemeCount;
import org.newsmonitor.stream.story.StoryClusterProcessor;
import org.newsmonitor.stream.story.StoryMemberSerde;
import org.newsmonitor.stream.query.SubscriptionQueryStore;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.ThemeFiles;

/**
 * The stream application's topology: articles in, theme matches, statistics and surges out.
 *
 * <pre>
 * Topic: news-articles       Key: article id   Value: ArticleEvent JSON (read as bytes; bad records dead-lettered)
 * Topic: news-themes         Key: theme id     Value: ThemeDefinition JSON (global store; tombstone removes)
 * Topic: news-subscriptions  Key: subscription id  Value: SubscriptionEvent JSON (global store of the queries)
 * Topic: news-theme-matches  Key: story id     Value: ThemeMatchEvent JSON, timestamp = publication time
 * Topic: news-query-matches  Key: story id     Value: ThemeMatchEvent JSON, themeId query:&lt;subscription id&gt;
 * Topic: news-theme-stats    Key: themeId@granularity@windowStart   Value: ThemeStatsEvent JSON
 * Topic: news-theme-surges   Key: theme id     Value: SurgeEvent JSON
 * Topic: news-dead-letters   Key: source key   Value: DeadLetterEvent JSON, DlqHeaders
 * </pre>
 *
 * Flow: {@code decode-articles} (dead letters split off) → {@code match-themes} (against the global
 * {@value StoreNames#THEME_CATALOG} and the subscriptions' queries of {@value StoreNames#SUBSCRIPTION_QUERIES};
 * articles without a hit end here) → {@code deduplicate-articles} →
 * repartition {@value StoreNames#STORY_CLUSTERING_TOPIC} into one partition → {@code assign-stories} → query matches apart, theme matches; then per-theme hourly and daily counts (repartition
 * {@value StoreNames#MATCHES_BY_THEME_TOPIC}), {@code detect-surges} on the hourly counts, and the daily balance by
 * polarity (repartition {@value StoreNames#MATCHES_BY_POLARITY_TOPIC}). Every processor, store and internal topic is
 * named here.
 */
public final class ThemeMatchTopology {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private ThemeMatchTopology() {
    }

    /** The topology for {@code config}, with the bundled lexicon; never null. */
    public static Topology build(StreamConfig config, DeadLetterSink catalogDeadLetters) {
        return build(config, ThemeFiles.bundledLexicon(), catalogDeadLetters);
    }

    /**
     * The topology. The builder gets the application's configuration, so that Kafka Streams refuses to build it
     * if any store or internal topic were left with a generated name ({@code ensure.explicit.internal.resource.naming}).
     *
     * @param config  the application's configuration, of which {@link StreamConfig#topology()} shapes the topology
     * @param lexicon the named term lists themes may refer to; never null
     * @param catalogDeadLetters where the theme catalog (a global store, which cannot forward) puts records of
     *                           {@code news-themes} it cannot read; must be thread-safe
     * @return an unstarted topology; never null
     */
    public static Topology build(StreamConfig config, Lexicon lexicon, DeadLetterSink catalogDeadLetters) {
        TopologySettings s = config.topology();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.toStreamsProperties())));
        Serde<String> keys = Serdes.String();
        JsonSerde<ThemeMatchEvent> matchSerde = Topics.THEME_MATCHES.valueSerde();

        builder.addGlobalStore(new TopicFedStoreBuilder<>(StoreNames.THEME_CATALOG,
                        () -> new ThemeCatalogStore(StoreNames.THEME_CATALOG, lexicon, catalogDeadLetters)),
                Topics.THEMES.name(), Consumed.with(keys, Serdes.ByteArray()).withName("read-themes"),
                () -> new TopicFedStoreProcessor(StoreNames.THEME_CATALOG));
        builder.addGlobalStore(new TopicFedStoreBuilder<>(StoreNames.SUBSCRIPTION_QUERIES,
                        () -> new SubscriptionQueryStore(StoreNames.SUBSCRIPTION_QUERIES, lexicon, catalogDeadLetters)),
                Topics.SUBSCRIPTIONS.name(), Consumed.with(keys, Serdes.ByteArray()).withName("read-subscriptions"),
                () -> new TopicFedStoreProcessor(StoreNames.SUBSCRIPTION_QUERIES));
        addStores(builder, s);

        KStream<String, DecodedArticle> decoded = builder
                .stream(Topics.ARTICLES.name(), Consumed.with(keys, Serdes.ByteArray()).withName("read-articles"))
                .process(() -> new DecodeArticleProcessor(s.maxFutureSkew()), Named.as("decode-articles"));
        Map<String, KStream<String, DecodedArticle>> branches = decoded.split(Named.as("decoded-"))
                .branch((id, d) -> d.failed(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));
        branches.get("decoded-failed")
                .mapValues(DecodedArticle::deadLetter, Named.as("to-dead-letter"))
                .to(Topics.DEAD_LETTERS.name(), Produced.<String, DeadLetterEvent>with(keys,
                        Topics.DEAD_LETTERS.valueSerde()).withName("write-dead-letters"));

        KStream<String, ThemeMatchEvent> allMatches = branches.get("decoded-ok")
                .mapValues(DecodedArticle::article, Named.as("to-article"))
                .process(() -> new MatchThemesProcessor(StoreNames.THEME_CATALOG, StoreNames.SUBSCRIPTION_QUERIES,
                        new ArticleText(s.maxContentChars())), Named.as("match-themes"))
                .processValues(() -> new DeduplicateProcessor<>(StoreNames.ARTICLE_IDS,
                        new DedupWindow(s.dedupRetention()), MatchedArticle::articleId),
                        Named.as("deduplicate-articles"), StoreNames.ARTICLE_IDS)
                .repartition(Repartitioned.with(keys, new MatchedArticleSerde(StoreNames.STORY_CLUSTERING_TOPIC))
                        .withName(StoreNames.STORY_CLUSTERING_TOPIC).withNumberOfPartitions(1))
                .process(() -> new StoryClusterProcessor(StoreNames.STORY_MEMBERS, s.storyWindow(),
                        s.storySimilarity(), StoryClusterProcessor.KEPT_ARRIVALS), Named.as("assign-stories"),
                        StoreNames.STORY_MEMBERS);
        // a private query's match goes to its own topic only: no consumer of theme matches or statistics sees it
        Map<String, KStream<String, ThemeMatchEvent>> kinds = allMatches.split(Named.as("matches-"))
                .branch((storyId, m) -> Query.subscriptionOf(m.themeId()) != null, Branched.as("query"))
                .defaultBranch(Branched.as("theme"));
        kinds.get("matches-query").to(Topics.QUERY_MATCHES.name(), Produced.with(keys,
                Topics.QUERY_MATCHES.valueSerde()).withName("write-query-matches"));
        KStream<String, ThemeMatchEvent> matches = kinds.get("matches-theme");
        matches.to(Topics.THEME_MATCHES.name(), Produced.with(keys, matchSerde).withName("write-theme-matches"));

        Serde<Polarity> polarities = PolaritySerde.create();
        KGroupedStream<String, Polarity> byTheme = matches
                .map((storyId, m) -> KeyValue.pair(m.themeId(), m.polarity()), Named.as("to-theme-polarity"))
                .groupByKey(Grouped.with(StoreNames.MATCHES_BY_THEME_TOPIC, keys, polarities));
        KStream<Windowed<String>, ThemeCount> hourly = countPerTheme(byTheme, HOUR, s.hourlyGrace(),
                s.hourlyRetention(), StoreNames.THEME_HOURLY_COUNTS, "hourly");
        KStream<Windowed<String>, ThemeCount> daily = countPerTheme(byTheme, DAY, s.dailyGrace(), s.dailyRetention(),
                StoreNames.THEME_DAILY_COUNTS, "daily");
        publishStats(hourly, Granularity.HOUR, "hourly");
        publishStats(daily, Granularity.DAY, "daily");

        hourly.process(() -> new SurgeProcessor(StoreNames.THEME_HOURLY_COUNTS, StoreNames.THEME_SURGES,
                        s.surgeRule()), Named.as("detect-surges"), StoreNames.THEME_HOURLY_COUNTS, StoreNames.THEME_SURGES)
                .to(Topics.THEME_SURGES.name(), Produced.<String, SurgeEvent>with(keys, Topics.THEME_SURGES.valueSerde())
                        .withName("write-surges"));

        matches.map((storyId, m) -> KeyValue.pair(m.polarity().name(), m.polarity()), Named.as("to-polarity"))
                .groupByKey(Grouped.with(StoreNames.MATCHES_BY_POLARITY_TOPIC, keys, polarities))
                .windowedBy(TimeWindows.ofSizeAndGrace(DAY, s.dailyGrace()))
                .count(Named.as("count-polarity-daily"),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(StoreNames.POLARITY_DAILY_COUNTS)
                                .withKeySerde(keys).withValueSerde(Serdes.Long()).withRetention(s.dailyRetention()));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, TopologySettings s) {
        // both hold only articles that matched a theme, for days: small enough for memory, and every write of
        // theirs is on the stream thread's path (a RocksDB write or delete costs several times a map's); both are
        // changelogged and restored from the changelog when an instance starts
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.ARTICLE_IDS),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.STORY_MEMBERS),
                Serdes.String(), new StoryMemberSerde()));
        // reported surges are a few per theme and day: in memory, restored from the changelog on start (a RocksDB
        // store never written has no checkpointed offset, and exactly-once then wipes its whole task on restart)
        Duration surgeRetention = Duration.ofDays(2).plus(s.hourlyGrace());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(StoreNames.THEME_SURGES,
                surgeRetention, HOUR, false), Serdes.String(), Serdes.Long()));
    }

    private static KStream<Windowed<String>, ThemeCount> countPerTheme(KGroupedStream<String, Polarity> byTheme,
            Duration size, Duration grace, Duration retention, String store, String label) {
        return byTheme.windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
                .aggregate(() -> ThemeCount.NONE, (themeId, polarity, count) -> count.plus(polarity),
                        Named.as("count-" + label),
                        Materialized.<String, ThemeCount, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(json(ThemeCount.class, store))
                                .withRetention(retention))
                .toStream(Named.as(label + "-count-changes"));
    }

    private static void publishStats(KStream<Windowed<String>, ThemeCount> counts, Granularity granularity,
            String label) {
        counts.map((window, count) -> {
            ThemeStatsEvent stats = new ThemeStatsEvent(ThemeStatsEvent.CURRENT_VERSION, window.key(),
                    count.polarity(), granularity, Instant.ofEpochMilli(window.window().start()),
                    Instant.ofEpochMilli(window.window().end()), count.count());
            return KeyValue.pair(stats.key(), stats);
        }, Named.as("to-" + label + "-stats"))
                .to(Topics.THEME_STATS.name(), Produced.with(Serdes.String(), Topics.THEME_STATS.valueSerde())
                        .withName("write-" + label + "-stats"));
    }

    private static <T> JsonSerde<T> json(Class<T> type, String where) {
        return new JsonSerde<>(type, where);
    }
}
