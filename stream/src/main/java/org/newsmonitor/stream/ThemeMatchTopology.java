package org.newsmonitor.stream;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.matching.ArticleText;
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
import org.newsmonitor.stream.stats.CountMatchesProcessor;
import org.newsmonitor.stream.stats.CountedMatch;
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
 * Topic: news-theme-surges   Key: theme id     Value: SurgeEvent JSON, timestamp = when detected
 * Topic: news-dead-letters   Key: source key   Value: DeadLetterEvent JSON, DlqHeaders
 * </pre>
 *
 * Flow: {@code decode-articles} (dead letters split off) → {@code match-themes} (against the global
 * {@value StoreNames#THEME_CATALOG} and the subscriptions' queries of {@value StoreNames#SUBSCRIPTION_QUERIES};
 * articles without a hit end here) → {@code deduplicate-articles} → repartition
 * {@value StoreNames#STORY_CLUSTERING_TOPIC} into one partition → {@code assign-stories} → query matches apart (to
 * {@code news-query-matches}), theme matches to {@code news-theme-matches}.
 * The statistics count what is on {@code news-theme-matches}: {@code read-theme-matches} (read back, read-committed
 * under exactly-once) → repartition {@value StoreNames#MATCHES_TO_COUNT_TOPIC} into one partition →
 * {@code count-matches} (per theme per hour and day and per polarity per day, by publication time, in the key-value
 * store {@value StoreNames#THEME_COUNTS}, whatever the arrival order) → {@code news-theme-stats}, and
 * {@code detect-surges} on the changed hours. Counting from the topic means a new or reset counting task starts from
 * the topic's first match, so its counts are complete. Every processor, store and internal topic is named here.
 */
public final class ThemeMatchTopology {
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

        KStream<String, ThemeStatsEvent> stats = builder
                .stream(Topics.THEME_MATCHES.name(), Consumed.with(keys, matchSerde).withName("read-theme-matches"))
                .map((storyId, m) -> KeyValue.pair(m.themeId(), CountedMatch.of(m)), Named.as("to-counted-match"))
                .repartition(Repartitioned.with(keys, json(CountedMatch.class, StoreNames.MATCHES_TO_COUNT_TOPIC))
                        .withName(StoreNames.MATCHES_TO_COUNT_TOPIC).withNumberOfPartitions(1))
                .process(() -> new CountMatchesProcessor(StoreNames.THEME_COUNTS), Named.as("count-matches"),
                        StoreNames.THEME_COUNTS);
        stats.to(Topics.THEME_STATS.name(), Produced.with(keys, Topics.THEME_STATS.valueSerde()).withName("write-stats"));
        stats.process(() -> new SurgeProcessor(StoreNames.THEME_COUNTS, s.surgeRule(), s.surgeHorizon()),
                        Named.as("detect-surges"), StoreNames.THEME_COUNTS)
                .to(Topics.THEME_SURGES.name(), Produced.<String, SurgeEvent>with(keys, Topics.THEME_SURGES.valueSerde())
                        .withName("write-surges"));
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
        // every bucket of every theme since the first match (hours, days, the balance): at most one entry per
        // match and a few hundred bytes each, kept for good, so that a match of any age arriving at any time counts
        // in its bucket; on disk, restored from the changelog
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.THEME_COUNTS),
                Serdes.String(), json(ThemeCount.class, StoreNames.THEME_COUNTS)));
    }

    private static <T> JsonSerde<T> json(Class<T> type, String where) {
        return new JsonSerde<>(type, where);
    }
}
