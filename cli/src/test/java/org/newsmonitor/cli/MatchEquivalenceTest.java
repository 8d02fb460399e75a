package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.replay.ArchiveReader;
import org.newsmonitor.ingest.replay.ArchiveSink;
import org.newsmonitor.ingest.replay.ReplayFailure;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.ThemeMatchTopology;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;

/**
 * Issue 20, point 2: {@code monitor match} gives the live pipeline's matches. The same files (a feed declaring no
 * language and JSON Lines in both forms, with Russian and Chinese items) go through {@code match} and, read as
 * {@code replay} reads them, through the production topology on a {@link TopologyTestDriver}; the theme ids, scores
 * and matched terms (with offsets) of every article must be identical.
 */
class MatchEquivalenceTest {
    private static final Path INPUTS = Path.of("src/test/resources/match/equivalence");
    private static final List<Path> FILES = List.of(INPUTS.resolve("energy-feed.xml"), INPUTS.resolve("articles.jsonl"));
    private static final Instant WALL_CLOCK = Instant.parse("2026-09-09T00:00:00Z");

    @TempDir
    Path stateDir;

    /** What one article matched: theme id, score and terms, comparable across both paths. */
    private record Match(String theme, double score, List<String> terms) {
    }

    @Test
    void shouldGiveTheTopologysMatchesWhenMatchingTheSameFilesOffline() throws Exception {
        // Given the files and the bundled catalog
        // When matched offline and through the topology
        Map<String, List<Match>> offline = offline();
        Map<String, List<Match>> live = live();
        // Then
        assertThat(offline).isEqualTo(live);
        assertThat(offline).hasSizeGreaterThanOrEqualTo(7);
        assertThat(offline.values().stream().flatMap(List::stream).map(Match::theme).distinct())
                .contains("power-of-siberia", "arms-sales", "eeu-bri-friction", "military-exercises",
                        "leaders-summitry");
        assertThat(offline.get("eq-zh-exercise")).isNotEmpty();
        assertThat(offline.get("eq-ru-su35")).extracting(Match::theme).contains("arms-sales");
    }

    private static Map<String, List<Match>> offline() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MatchRunner.run(null, FILES, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isEqualTo(MatchRunner.OK);
        Map<String, List<Match>> byArticle = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = Json.mapper().readTree(line);
            List<Match> matches = new ArrayList<>();
            for (JsonNode m : node.get("matches")) {
                List<String> terms = new ArrayList<>();
                m.get("terms").forEach(t -> terms.add(term(t.get("term").asText(), t.get("field").asText(),
                        t.get("start").asInt(), t.get("end").asInt())));
                matches.add(new Match(m.get("theme").asText(), m.get("score").asDouble(), terms));
            }
            if (!matches.isEmpty()) {
                byArticle.put(node.get("id").asText(), matches);
            }
        }
        return byArticle;
    }

    private Map<String, List<Match>> live() {
        List<ArticleEvent> articles = readAsReplayDoes();
        StreamConfig config = StreamConfig.of(ClientSettings.of("dummy:9092"), stateDir);
        Map<String, List<Match>> byArticle = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(ThemeMatchTopology.build(config, (event, error) -> { }),
                config.toStreamsProperties(), WALL_CLOCK)) {
            TestInputTopic<String, ThemeDefinition> themes = driver.createInputTopic(Topics.THEMES.name(),
                    new StringSerializer(), Topics.THEMES.valueSerde().serializer());
            for (ThemeSpec spec : ThemeFiles.bundled()) {
                themes.pipeInput(spec.id(), ThemeDefinitions.toDefinition(spec, ThemeFiles.bundledLexicon(), 1, WALL_CLOCK), WALL_CLOCK);
            }
            TestInputTopic<String, ArticleEvent> input = driver.createInputTopic(Topics.ARTICLES.name(),
                    new StringSerializer(), Topics.ARTICLES.valueSerde().serializer());
            articles.forEach(a -> input.pipeInput(a.id(), a, a.publishedAt()));
            for (ThemeMatchEvent m : driver.createOutputTopic(Topics.THEME_MATCHES.name(), new StringDeserializer(),
                    Topics.THEME_MATCHES.valueSerde().deserializer()).readValuesToList()) {
                List<String> terms = new ArrayList<>();
                for (MatchedTerm t : m.terms()) {
                    terms.add(term(t.term(), t.field(), t.start(), t.end()));
                }
                byArticle.computeIfAbsent(m.articleId(), k -> new ArrayList<>())
                        .add(new Match(m.themeId(), m.score(), terms));
            }
        }
        return byArticle;
    }

    private static List<ArticleEvent> readAsReplayDoes() {
        List<ArticleEvent> articles = new ArrayList<>();
        ArchiveReader reader = new ArchiveReader(Clock.systemUTC(), FeedParser.withDefaultLimit());
        for (Path file : FILES) {
            reader.read(file, new ArchiveSink() {
                @Override
                public void article(MappedArticle article) {
                    articles.add(article.event());
                }

                @Override
                public void unreadable(ReplayFailure failure, byte[] record) {
                    throw new AssertionError(failure.toString());
                }

                @Override
                public void failure(ReplayFailure failure) {
                    throw new AssertionError(failure.toString());
                }
            });
        }
        assertThat(articles).extracting(ArticleEvent::language).containsOnly("en", "ru", "zh");
        return articles;
    }

    private static String term(String term, String field, int start, int end) {
        return term + "@" + field + ":" + start + "-" + end;
    }
}
