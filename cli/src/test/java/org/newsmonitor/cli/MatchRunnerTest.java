package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.normalize.ArticleIds;

class MatchRunnerTest {
    /** The themes module's theme fixtures: two small themes and broken ones. */
    private static final Path FIXTURES = Path.of("../themes/src/test/resources/fixtures");
    private static final Path THEMES = FIXTURES.resolve("valid");
    private static final Path INPUTS = Path.of("src/test/resources/match/inputs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM_ID = ArticleIds.ofUrl("https://example.org/zh/1");

    /** What a run printed and returned. */
    private record Run(int code, List<JsonNode> lines, List<String> errors) {
        List<String> ids() {
            return lines.stream().map(l -> l.get("id").asText()).toList();
        }

        List<String> themesOf(int line) {
            List<String> out = new ArrayList<>();
            lines.get(line).get("matches").forEach(m -> out.add(m.get("theme").asText()));
            return out;
        }
    }

    private static Run run(Path themes, List<Path> inputs, String stdin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = MatchRunner.run(themes, inputs, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        return new Run(code, lines, errors);
    }

    @Test
    void shouldWriteOneLinePerArticleInOrderAndReportBadLinesWhenJsonLinesHaveErrors() throws Exception {
        //Given
        Path input = INPUTS.resolve("articles.jsonl");
        //When
        Run run = run(THEMES, List.of(input), "");
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.BAD_INPUT);
        assertThat(run.ids()).hasSize(4).startsWith("a1", "a2").endsWith("a3");
        assertThat(run.ids().get(2)).as("an id made as replay makes it").startsWith("a-");
        assertThat(run.themesOf(0)).containsExactly("gas-for-china");
        assertThat(run.themesOf(1)).containsExactly("border-trade");
        assertThat(run.themesOf(2)).isEmpty();
        assertThat(run.themesOf(3)).isEmpty();
        assertThat(run.errors()).singleElement().asString().startsWith(input + ":3: malformed JSON at column 1: ");
    }

    @Test
    void shouldReportScoreAndTermsWithOffsetsWhenArticleMatches() throws Exception {
        //Given
        String line = "{\"id\":\"x\",\"title\":\"Power of Siberia\",\"summary\":\"Russia and China.\"}\n";
        //When
        Run run = run(THEMES, List.of(), line);
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.OK);
        JsonNode match = run.lines().get(0).get("matches").get(0);
        assertThat(match.get("theme").asText()).isEqualTo("gas-for-china");
        assertThat(match.get("score").asInt()).isEqualTo(5);
        assertThat(match.get("terms").get(0).toString())
                .isEqualTo("{\"term\":\"power of siberia\",\"field\":\"title\",\"start\":0,\"end\":16}");
    }

    @Test
    void shouldReadRssAndAtomItemsWhenInputsAreFeedFiles() throws Exception {
        //Given
        List<Path> inputs = List.of(INPUTS.resolve("feed.rss.xml"), INPUTS.resolve("feed.atom"));
        //When
        Run run = run(THEMES, inputs, "");
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.OK);
        assertThat(run.errors()).isEmpty();
        assertThat(run.ids()).containsExactly(ArticleIds.ofUrl("https://example.org/ru/1"),
                ArticleIds.ofUrl("https://example.org/en/2"), ArticleIds.ofUrl("https://example.org/zh/1"));
        assertThat(run.themesOf(0)).containsExactly("gas-for-china");
        assertThat(run.themesOf(1)).containsExactly("border-trade");
        assertThat(run.themesOf(2)).containsExactly("gas-for-china");
    }

    @Test
    void shouldRefuseDoctypeAndContinueWhenFeedTriesToLoadExternalEntity() throws Exception {
        //Given
        Path hostile = INPUTS.resolve("hostile.xml");
        //When
        Run run = run(THEMES, List.of(hostile, INPUTS.resolve("feed.atom")), "");
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.BAD_INPUT);
        assertThat(run.errors()).singleElement().asString().startsWith(hostile + ": ");
        assertThat(run.ids()).containsExactly(ATOM_ID);
    }

    @Test
    void shouldReadFeedFromStdinWhenItStartsWithAngleBracket() throws Exception {
        //Given
        String feed = new String(java.nio.file.Files.readAllBytes(INPUTS.resolve("feed.atom")), StandardCharsets.UTF_8);
        //When
        Run run = run(THEMES, List.of(), feed);
        //Then
        assertThat(run.ids()).containsExactly(ATOM_ID);
    }

    @Test
    void shouldUseBundledCatalogWhenNoThemesAreGiven() throws Exception {
        //Given
        String line = "{\"id\":\"x\",\"title\":\"Gazprom and CNPC sign Power of Siberia 2 deal\","
                + "\"summary\":\"Russia will send gas to China through Mongolia.\"}";
        //When
        Run run = run(null, List.of(), line);
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.OK);
        assertThat(run.themesOf(0)).contains("power-of-siberia");
    }

    @Test
    void shouldExitWithBadThemesAndMatchNothingWhenAThemeIsBroken() throws Exception {
        //Given
        Path broken = FIXTURES.resolve("broken/unbalanced-paren.yaml");
        //When
        Run run = run(broken, List.of(INPUTS.resolve("articles.jsonl")), "");
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.BAD_THEMES);
        assertThat(run.lines()).isEmpty();
        assertThat(run.errors()).singleElement().asString().contains(":8:21: theme 'unbalanced-paren'");
    }

    @Test
    void shouldReportMissingInputFileAndContinueWhenOneInputIsAbsent() throws Exception {
        //Given
        Path missing = INPUTS.resolve("no-such-file.jsonl");
        //When
        Run run = run(THEMES, List.of(missing, INPUTS.resolve("feed.atom")), "");
        //Then
        assertThat(run.code()).isEqualTo(MatchRunner.BAD_INPUT);
        assertThat(run.errors()).singleElement().asString().isEqualTo(missing + ": no such file or directory");
        assertThat(run.ids()).containsExactly(ATOM_ID);
    }

    @Test
    void shouldReadWhatReplayReadsWhenTheSameLinesAreGiven() throws Exception {
        // Given the short form, a full article with a script link, and a line too deeply nested to parse
        String lines = "{\"id\":\"s1\",\"title\":\"Power of Siberia\",\"summary\":\"Russia and China.\"}\n"
                + "{\"id\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}\n"
                + "{\"schemaVersion\":1,\"id\":\"f1\",\"feedId\":\"x\",\"title\":\"Border \\u202Etrade\","
                + "\"summary\":\"border crossing\",\"url\":\"javascript:alert(1)\",\"publishedAt\":\"2025-01-01T00:00:00Z\"}\n";
        // When
        Run run = run(THEMES, List.of(), lines);
        // Then
        assertThat(run.code()).isEqualTo(MatchRunner.BAD_INPUT);
        assertThat(run.ids()).containsExactly("s1", "f1");
        assertThat(run.themesOf(0)).containsExactly("gas-for-china");
        assertThat(run.themesOf(1)).containsExactly("border-trade");
        assertThat(run.errors()).singleElement().asString().startsWith("stdin:2: malformed JSON: ");
    }

    @Test
    void shouldReadEveryArchiveOfADirectoryAsReplayDoes() throws Exception {
        // Given a folder holding a feed and JSON Lines, as replay takes it
        Path folder = Path.of("src/test/resources/match/equivalence");
        // When
        Run run = run(null, List.of(folder), "");
        // Then both files are read, in name order: articles.jsonl (5 lines), then the feed (4 items)
        assertThat(run.code()).isEqualTo(MatchRunner.OK);
        assertThat(run.errors()).isEmpty();
        assertThat(run.ids()).hasSize(9).startsWith("eq-ru-eeu");
    }

    @Test
    void shouldAddNoteWhenArticleHasNoText() throws Exception {
        //Given //When
        Run run = run(THEMES, List.of(), "{\"id\":\"empty\"}\n");
        //Then
        assertThat(run.lines().get(0).toString())
                .isEqualTo("{\"id\":\"empty\",\"matches\":[],\"note\":\"no text: title, summary and content are empty\"}");
    }
}
