package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.alerts.view.StatsView;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.ingest.normalize.ArticleMapper;
import org.newsmonitor.ingest.normalize.FeedContext;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParseException;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.replay.SampleArchive;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.ThemeMatchTopology;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;

/**
 * Issue 21.1, the acceptance test: the bundled sample archive replayed in shuffled order through the stream topology,
 * its statistics applied to the dashboard's stats view; the view's daily counts per theme equal the matches on
 * news-theme-matches per theme and publication day, the balance adds up per polarity, and no surge is reported
 * about history.
 */
class SampleArchiveStatsTest {
    private static final Instant WALL_CLOCK = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "shuffled with seed {0}")
    @ValueSource(longs = {21, 2026, 7})
    void shouldShowStatsThatEqualTheMatchesPerThemeAndDayWhateverTheReplayOrderIssue21(long seed) throws Exception {
        //Given the sample archive's articles in shuffled order, and the bundled themes
        List<ArticleEvent> articles = sampleArticles();
        Collections.shuffle(articles, new Random(seed));
        StreamConfig config = StreamConfig.of(ClientSettings.of("dummy:9092"), stateDir);
        StatsView view = new StatsView();
        Map<String, Long> matchesPerThemeAndDay = new TreeMap<>();
        Map<String, Long> matchesPerPolarityAndDay = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(ThemeMatchTopology.build(config, (event, error) -> { }),
                config.toStreamsProperties(), WALL_CLOCK)) {
            TestInputTopic<String, ThemeDefinition> themes = driver.createInputTopic(Topics.THEMES.name(),
                    new StringSerializer(), Topics.THEMES.valueSerde().serializer());
            for (ThemeSpec spec : ThemeFiles.bundled()) {
                themes.pipeInput(spec.id(), ThemeDefinitions.toDefinition(spec, ThemeFiles.bundledLexicon(), 1, WALL_CLOCK), WALL_CLOCK);
            }
            TestInputTopic<String, ArticleEvent> in = driver.createInputTopic(Topics.ARTICLES.name(),
                    new StringSerializer(), Topics.ARTICLES.valueSerde().serializer());
            //When
            articles.forEach(a -> in.pipeInput(a.id(), a, a.publishedAt()));
            for (ThemeMatchEvent m : driver.createOutputTopic(Topics.THEME_MATCHES.name(), new StringDeserializer(),
                    Topics.THEME_MATCHES.valueSerde().deserializer()).readValuesToList()) {
                Instant day = m.publishedAt().truncatedTo(ChronoUnit.DAYS);
                matchesPerThemeAndDay.merge(m.themeId() + "@" + day, 1L, Long::sum);
                matchesPerPolarityAndDay.merge(m.polarity() + "@" + day, 1L, Long::sum);
            }
            driver.createOutputTopic(Topics.THEME_STATS.name(), new StringDeserializer(),
                    Topics.THEME_STATS.valueSerde().deserializer()).readValuesToList().forEach(view::apply);
            //Then no surge "now" about news of months ago
            assertThat(driver.createOutputTopic(Topics.THEME_SURGES.name(), new StringDeserializer(),
                    Topics.THEME_SURGES.valueSerde().deserializer()).isEmpty()).isTrue();
        }
        StatsView.Series days = view.series(Granularity.DAY, StatsView.MAX_DAYS);
        Map<String, Long> shownPerThemeAndDay = new TreeMap<>();
        Map<String, Long> shownPerPolarityAndDay = new TreeMap<>();
        for (StatsView.Bucket bucket : days.buckets()) {
            bucket.counts().forEach((theme, count) -> shownPerThemeAndDay.put(theme + "@" + bucket.start(), count));
            putIfCounted(shownPerPolarityAndDay, Polarity.COOPERATION + "@" + bucket.start(), bucket.cooperation());
            putIfCounted(shownPerPolarityAndDay, Polarity.FRICTION + "@" + bucket.start(), bucket.friction());
            putIfCounted(shownPerPolarityAndDay, Polarity.MIXED + "@" + bucket.start(), bucket.mixed());
        }
        assertThat(matchesPerThemeAndDay).as("the sample archive matches EEU-BRI friction")
                .containsKey("eeu-bri-friction@2025-05-08T00:00:00Z");
        assertThat(shownPerThemeAndDay).isEqualTo(matchesPerThemeAndDay);
        assertThat(shownPerPolarityAndDay).isEqualTo(matchesPerPolarityAndDay);
        assertThat(days.windowsNotKept()).isZero();
        assertThat(view.series(Granularity.HOUR, StatsView.MAX_HOURS).buckets().stream()
                .mapToLong(b -> b.counts().values().stream().mapToLong(Long::longValue).sum()).sum())
                .isEqualTo(matchesPerThemeAndDay.values().stream().mapToLong(Long::longValue).sum());
    }

    private static void putIfCounted(Map<String, Long> map, String key, long count) {
        if (count > 0) {
            map.put(key, count);
        }
    }

    /** The sample archive's articles as the replay maps them, in the archive's order. */
    private static List<ArticleEvent> sampleArticles() throws IOException, FeedParseException {
        List<ArticleEvent> articles = new ArrayList<>();
        for (String name : SampleArchive.files()) {
            byte[] body;
            try (InputStream file = SampleArchive.class.getResourceAsStream(SampleArchive.FOLDER + name)) {
                body = file.readAllBytes();
            }
            ParsedFeed feed = FeedParser.withDefaultLimit().parse(body, null, name);
            FeedContext context = new FeedContext(name, feed.title(), feed.language(), List.of(), ZoneId.of("UTC"));
            for (MappedArticle article : ArticleMapper.map(feed, context, WALL_CLOCK)) {
                articles.add(article.event());
            }
        }
        return articles;
    }
}
