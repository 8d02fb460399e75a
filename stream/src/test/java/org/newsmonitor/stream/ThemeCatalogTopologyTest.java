package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.stream.TopologyFixture.article;
import static org.newsmonitor.stream.TopologyFixture.frictionTheme;
import static org.newsmonitor.stream.TopologyFixture.pipelineArticle;
import static org.newsmonitor.stream.TopologyFixture.pipelineTheme;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;
import org.newsmonitor.stream.catalog.ThemeStatus;

/** The theme set held in the global catalog store, fed by the compacted themes topic. */
class ThemeCatalogTopologyTest {
    private static final Instant T0 = Instant.parse("2025-05-14T07:30:00Z");
    /** An article that mentions the Altai route but neither Power of Siberia nor Gazprom. */
    private static final String ALTAI_TITLE = "Russia and China revive the Altai route";

    @TempDir
    Path stateDir;
    private TopologyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void pipeAltai(String id, Instant at) {
        fx.pipe(article(id, ALTAI_TITLE + " " + id, "Moscow and Beijing discussed the altai route for gas.", at));
    }

    @Test
    void shouldMatchWithChangedThemeFromTheNextArticleWhenThemeIsRepublished() {
        //Given
        fx.publishThemes(pipelineTheme());
        pipeAltai("a1", T0);
        //When revision 2 adds the Altai route
        fx.publishThemes(pipelineTheme(2, "6: \"power of siberia\" OR \"сила сибири\"\n3: gazprom\n"
                + "5: \"altai route\"\n"));
        pipeAltai("a2", T0.plusSeconds(60));
        //Then
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId, ThemeMatchEvent::themeRevision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a2", 2));
        assertThat(fx.catalog().statuses()).containsEntry("power-of-siberia", ThemeStatus.ok("power-of-siberia", 2));
        assertThat(fx.catalog().snapshot().themes()).hasSize(1);
    }

    @Test
    void shouldStopMatchingThemeWhenTombstoneArrives() {
        //Given
        fx.publishThemes(pipelineTheme(), frictionTheme());
        fx.pipe(pipelineArticle("p1", T0));
        //When
        fx.themes.pipeInput("power-of-siberia", null, TopologyFixture.WALL_CLOCK);
        fx.pipe(pipelineArticle("p2", T0.plusSeconds(60)));
        //Then
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId).containsExactly("p1");
        assertThat(fx.catalog().statuses()).containsOnlyKeys("eeu-bri-friction");
        assertThat(fx.catalog().snapshot().themes()).hasSize(1);
    }

    @Test
    void shouldKeepPreviousVersionAndReportLineAndColumnWhenThemeDoesNotCompile() {
        //Given
        fx.publishThemes(pipelineTheme());
        //When revision 2 has an unbalanced parenthesis on its second rule line
        fx.publishThemes(pipelineTheme(2, "6: \"power of siberia\"\n3: (gazprom OR cnpc\n"));
        fx.pipe(pipelineArticle("p1", T0));
        //Then revision 1 still matches, and the match says so
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId, ThemeMatchEvent::themeRevision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 1));
        ThemeStatus status = fx.catalog().statuses().get("power-of-siberia");
        assertThat(status.ok()).isFalse();
        assertThat(status.active()).isTrue();
        assertThat(status.activeRevision()).isEqualTo(1);
        assertThat(status.line()).isEqualTo(2);
        assertThat(status.column()).isPositive();
        assertThat(status.error()).contains("power-of-siberia").contains(":2:");
    }

    @Test
    void shouldReportUnreadableThemeAndLeaveOthersInForceWhenThemeRecordIsCorrupt() {
        //Given
        fx.publishThemes(frictionTheme());
        //When
        fx.themesRaw.pipeInput("arms-sales", "{\"schemaVersion\":1,\"id\":\"arms-sales\"".getBytes(),
                TopologyFixture.WALL_CLOCK);
        fx.themes.pipeInput("oil-trade", frictionTheme(), TopologyFixture.WALL_CLOCK);
        //Then
        var statuses = fx.catalog().statuses();
        assertThat(statuses.get("arms-sales").ok()).isFalse();
        assertThat(statuses.get("arms-sales").active()).isFalse();
        assertThat(statuses.get("arms-sales").error()).startsWith("theme 'arms-sales' cannot be read: Malformed JSON");
        assertThat(statuses.get("oil-trade").error()).isEqualTo("theme 'oil-trade' cannot be read: Refused "
                + "ThemeDefinition on topic 'news-themes': the record key is 'oil-trade' but its theme id is "
                + "'eeu-bri-friction'");
        assertThat(statuses.get("eeu-bri-friction").ok()).isTrue();
        assertThat(fx.catalog().snapshot().themes()).hasSize(1);
    }

    @Test
    void shouldDeadLetterThemeRecordsItCannotReadAndKeepMatching() {
        //Given a theme in force
        fx.publishThemes(pipelineTheme());
        //When records nested 5,000 deep, with a 5,000-digit number, or under another theme's key arrive
        fx.themesRaw.pipeInput("arms-sales", ("{\"schemaVersion\":1,\"extra\":" + "[".repeat(5_000)
                + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8), TopologyFixture.WALL_CLOCK);
        fx.themesRaw.pipeInput("oil-trade", ("{\"schemaVersion\":1,\"minScore\":" + "9".repeat(5_000) + "}")
                .getBytes(StandardCharsets.UTF_8), TopologyFixture.WALL_CLOCK);
        fx.themes.pipeInput("power-of-siberia", frictionTheme(), TopologyFixture.WALL_CLOCK);
        //Then each is dead-lettered, naming the topic, offset and reason, and the theme in force still matches
        assertThat(fx.catalogDeadLetters).extracting(DeadLetterEvent::key)
                .containsExactly("arms-sales", "oil-trade", "power-of-siberia");
        assertThat(fx.catalogDeadLetters).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("stream.theme-catalog");
            assertThat(d.sourceTopic()).isEqualTo("news-themes");
            assertThat(d.sourceOffset()).isNotNegative();
            assertThat(d.reason()).contains("topic 'news-themes'");
        });
        assertThat(fx.catalogDeadLetters.get(0).reason()).contains("nesting depth");
        assertThat(fx.catalogDeadLetters.get(2).reason()).contains("record key is 'power-of-siberia'");
        fx.pipe(TopologyFixture.pipelineArticle("a1", TopologyFixture.WALL_CLOCK));
        assertThat(fx.matches.readValuesToList()).extracting(m -> m.themeId()).containsExactly("power-of-siberia");
    }

    @Test
    void shouldSurviveEveryHostileThemeRecord() {
        List<PoisonCase> cases = new PoisonRecords(ThemeDefinition.class, 19L).cases(200);
        for (PoisonCase poison : cases) {
            fx.themesRaw.pipeInput("poisoned", poison.value(), TopologyFixture.WALL_CLOCK);
        }
        assertThat(fx.catalogDeadLetters).hasSize(cases.size());
        fx.publishThemes(pipelineTheme());
        fx.pipe(TopologyFixture.pipelineArticle("a1", TopologyFixture.WALL_CLOCK));
        assertThat(fx.matches.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldEmitMatchWithTermsOffsetsSnippetAndArticleFieldsWhenArticleMatches() {
        //Given
        fx.publishThemes(pipelineTheme());
        var article = pipelineArticle("m1", T0);
        //When
        fx.pipe(article);
        //Then
        var record = fx.matches.readRecord();
        ThemeMatchEvent match = record.value();
        assertThat(record.key()).isEqualTo("m1");
        assertThat(record.timestamp()).isEqualTo(T0.toEpochMilli());
        assertThat(match.storyId()).isEqualTo("m1");
        assertThat(match.themeId()).isEqualTo("power-of-siberia");
        assertThat(match.themeTitle()).isEqualTo("Power of Siberia gas pipelines");
        assertThat(match.score()).isGreaterThanOrEqualTo(4);
        assertThat(match.title()).isEqualTo(article.title());
        assertThat(match.url()).isEqualTo(article.url());
        assertThat(match.source()).isEqualTo("Test Wire");
        assertThat(match.publishedAt()).isEqualTo(T0);
        assertThat(match.matchedAt()).isEqualTo(TopologyFixture.WALL_CLOCK);
        assertThat(match.snippet()).isNotBlank();
        assertThat(match.terms()).isNotEmpty().allSatisfy(term -> {
            String field = switch (term.field()) {
                case "title" -> article.title();
                case "summary" -> article.summary();
                default -> article.content();
            };
            assertThat(field.substring(term.start(), term.end())).isNotBlank();
        });
        assertThat(match.terms()).anySatisfy(term -> assertThat(term.field()).isEqualTo("title"));
        assertThat(match.snippetTerms()).isNotEmpty().allSatisfy(term -> {
            assertThat(term.field()).isEqualTo("snippet");
            assertThat(match.snippet().substring(term.start(), term.end())).isNotBlank();
        });
    }
    /** A cooperation theme whose rule uses the list {@code ports}, defined only in the lexicon it carries. */
    private static ThemeDefinition portsTheme(String lexicon) {
        return new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, "far-east-ports", "Far East ports", "",
                org.newsmonitor.contracts.event.Polarity.COOPERATION, java.util.List.of(), 2, null,
                "2: @ports AND china\n", 1, TopologyFixture.WALL_CLOCK, lexicon);
    }

    @Test
    void shouldCompileThemeWithTheLexiconItCarriesWhenItUsesAListTheBundledLexiconLacks() {
        //Given
        fx.publishThemes(portsTheme("ports: [zarubino, \"port of zarubino\"]\n"));
        //When
        fx.pipe(article("z1", "China eyes the port of Zarubino", "A Chinese operator studies it.", T0));
        //Then
        assertThat(fx.catalog().statuses()).containsEntry("far-east-ports", ThemeStatus.ok("far-east-ports", 1));
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId).containsExactly("z1");
    }

    @Test
    void shouldRefuseThemeNamingTheLineWhenTheLexiconItCarriesIsInvalid() {
        //When the carried lexicon's second line is not a list
        fx.publishThemes(portsTheme("ports: [zarubino]\nchina-ports: dalian\n"));
        //Then
        ThemeStatus status = fx.catalog().statuses().get("far-east-ports");
        assertThat(status.ok()).isFalse();
        assertThat(status.error()).contains("lexicon published on news-themes:2:").contains("china-ports");
    }

    @Test
    void shouldCompileWithTheBundledLexiconWhenARecordCarriesNoLexicon() {
        //When an older record without a lexicon uses a bundled list
        fx.publishThemes(portsTheme(null));
        //Then the bundled lexicon has no list 'ports'
        assertThat(fx.catalog().statuses().get("far-east-ports").error()).contains("unknown list '@ports'");
    }
}
