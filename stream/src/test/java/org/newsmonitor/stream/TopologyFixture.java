package org.newsmonitor.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SeedRef;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.catalog.ThemeCatalogStore;
import org.newsmonitor.stream.stats.DailyBalance;
import org.newsmonitor.stream.stats.ThemeCount;
import org.newsmonitor.themes.ThemeFiles;

/**
 * The production topology on a {@link TopologyTestDriver}, with the production topic names and serdes, a mock
 * wall clock starting at {@link #WALL_CLOCK}, and helpers to write articles and themes.
 */
final class TopologyFixture implements AutoCloseable {
    static final Instant WALL_CLOCK = Instant.parse("2025-05-14T12:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> articlesRaw;
    final TestInputTopic<String, ArticleEvent> articles;
    final TestInputTopic<String, ThemeDefinition> themes;
    final TestInputTopic<String, byte[]> themesRaw;
    final TestOutputTopic<String, ThemeMatchEvent> matches;
    final TestOutputTopic<String, ThemeMatchEvent> queryMatches;
    final TestInputTopic<String, SubscriptionEvent> subscriptions;
    final TestInputTopic<String, byte[]> subscriptionsRaw;
    final TestOutputTopic<String, DeadLetterEvent> deadLetters;
    final TestOutputTopic<String, ThemeStatsEvent> stats;
    final TestOutputTopic<String, SurgeEvent> surges;
    /** Dead letters of the theme catalog, a global store that writes them through its own sink. */
    final List<DeadLetterEvent> catalogDeadLetters = new CopyOnWriteArrayList<>();

    TopologyFixture(Path stateDir) {
        this(stateDir, TopologySettings.defaults());
    }

    TopologyFixture(Path stateDir, TopologySettings settings) {
        StreamConfig config = StreamConfig.of(ClientSettings.of("dummy:9092"), stateDir).withTopology(settings);
        Properties props = config.toStreamsProperties();
        driver = new TopologyTestDriver(ThemeMatchTopology.build(config, ThemeFiles.bundledLexicon(),
                (event, error) -> catalogDeadLetters.add(event)), props,
                WALL_CLOCK);
        articlesRaw = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(), new ByteArraySerializer());
        articles = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(),
                Topics.ARTICLES.valueSerde().serializer());
        themes = driver.createInputTopic(Topics.THEMES.name(), new StringSerializer(),
                Topics.THEMES.valueSerde().serializer());
        themesRaw = driver.createInputTopic(Topics.THEMES.name(), new StringSerializer(), new ByteArraySerializer());
        matches = driver.createOutputTopic(Topics.THEME_MATCHES.name(), new StringDeserializer(),
                Topics.THEME_MATCHES.valueSerde().deserializer());
        queryMatches = driver.createOutputTopic(Topics.QUERY_MATCHES.name(), new StringDeserializer(),
                Topics.QUERY_MATCHES.valueSerde().deserializer());
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer());
        subscriptionsRaw = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer());
        stats = driver.createOutputTopic(Topics.THEME_STATS.name(), new StringDeserializer(),
                Topics.THEME_STATS.valueSerde().deserializer());
        surges = driver.createOutputTopic(Topics.THEME_SURGES.name(), new StringDeserializer(),
                Topics.THEME_SURGES.valueSerde().deserializer());
    }

    /** Power of Siberia: a cooperation theme that needs Russian and Chinese actors. */
    static ThemeDefinition pipelineTheme(int revision, String rules) {
        return new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, "power-of-siberia", "Power of Siberia gas pipelines",
                "Russian pipeline gas for China.", Polarity.COOPERATION,
                List.of(new SeedRef("001_ac98ed4166398c96.txt", "Energy")), 4, "@russia AND @china", rules, revision,
                WALL_CLOCK);
    }

    static ThemeDefinition pipelineTheme() {
        return pipelineTheme(1, "6: \"power of siberia\" OR \"сила сибири\"\n3: gazprom\n");
    }

    /** EEU vs BRI: a friction theme. */
    static ThemeDefinition frictionTheme() {
        return new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, "eeu-bri-friction", "EEU and BRI friction",
                "Rivalry of the Eurasian Economic Union and the Belt and Road in Central Asia.", Polarity.FRICTION,
                List.of(), 5, "@russia AND @china", "5: \"eurasian economic union\" OR \"belt and road\"\n", 1,
                WALL_CLOCK);
    }

    static ArticleEvent article(String id, String title, String summary, Instant publishedAt) {
        return ArticleEvent.of(id, "test-feed", "Test Wire", "https://news.example/" + id, title, summary, null, "en",
                publishedAt, publishedAt, List.of());
    }

    /** An article about the Power of Siberia pipeline published at {@code at}. */
    static ArticleEvent pipelineArticle(String id, Instant at) {
        return article(id, "Russia and China extend Power of Siberia talks " + id,
                "Gazprom said Moscow and Beijing agreed to meet again on pipeline gas prices (" + id + ").", at);
    }

    /** A subscription of {@code owner} with the private query {@code query}, limited to {@code themes}. */
    static SubscriptionEvent querySubscription(String id, String query, List<String> themes) {
        return new SubscriptionEvent(SubscriptionEvent.CURRENT_VERSION, id, "owner-" + id, "query " + id, themes, 0,
                List.of(), List.of(), null, null, null, null, false, WALL_CLOCK, WALL_CLOCK, null, null, null, null, query);
    }

    void subscribe(SubscriptionEvent subscription) {
        subscriptions.pipeInput(subscription.id(), subscription, WALL_CLOCK);
    }

    void publishThemes(ThemeDefinition... definitions) {
        for (ThemeDefinition d : definitions) {
            themes.pipeInput(d.id(), d, WALL_CLOCK);
        }
    }

    void pipe(ArticleEvent article) {
        articles.pipeInput(article.id(), article, article.publishedAt());
    }

    void pipeRaw(String key, String json, Instant at) {
        articlesRaw.pipeInput(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8), at);
    }

    ThemeCatalogStore catalog() {
        return (ThemeCatalogStore) driver.getStateStore(StoreNames.THEME_CATALOG);
    }

    List<ThemeStatsEvent> counts(String themeId, Granularity granularity, Instant from, Instant to) {
        return StreamQueries.themeCounts(countStore(), themeId, granularity, from, to);
    }

    List<DailyBalance> balance(Instant from, Instant to) {
        return StreamQueries.balance(countStore(), from, to);
    }

    KeyValueStore<String, ThemeCount> countStore() {
        return driver.getKeyValueStore(StoreNames.THEME_COUNTS);
    }

    @Override
    public void close() {
        driver.close();
    }
}
