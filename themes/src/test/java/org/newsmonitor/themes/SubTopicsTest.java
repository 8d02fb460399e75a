package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubTopicsTest {
    private static final String HEAD = "id: t\ntitle: T\npolarity: mixed\nminScore: 3\n";
    private static final String SUB_TOPICS = "subTopics:\n  - id: pipeline\n    description: The pipeline\n"
            + "  - id: lng\n    description: Liquefied gas\n";

    private static CompiledTheme compile(String yaml) throws ThemeSyntaxException {
        return CompiledTheme.compile(ThemeFiles.parse(yaml, "t.yaml"), TestThemes.lexicon());
    }

    private static ThemeSyntaxException problem(String yaml) {
        try {
            compile(yaml);
        } catch (ThemeSyntaxException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void shouldNameTheSubTopicsWhoseRulesHeldWhenAThemeMatches() throws Exception {
        // Given
        CompiledTheme theme = compile(HEAD + SUB_TOPICS + "rules: |\n  3 [pipeline]: pipeline\n"
                + "  3 [lng]: lng\n  1: gas\n  -1: turbine\n");
        Matcher matcher = Matcher.of(List.of(theme));

        // When
        List<ThemeHit> both = matcher.match(Document.of("1", "LNG and a pipeline", "gas"));
        List<ThemeHit> one = matcher.match(Document.of("2", "A pipeline", "gas"));

        // Then
        assertThat(theme.subTopics()).containsExactly("pipeline", "lng");
        assertThat(theme.spec().declaredSubTopics()).extracting(SubTopic::description)
                .containsExactly("The pipeline", "Liquefied gas");
        assertThat(both.get(0).subTopics()).containsExactly("pipeline", "lng");
        assertThat(one.get(0).subTopics()).containsExactly("pipeline");
    }

    @Test
    void shouldListEveryTagOfARuleWhenItNamesSeveralSubTopics() throws Exception {
        // Given
        CompiledTheme theme = compile(HEAD + SUB_TOPICS + "rules: |\n  3 [pipeline, lng]: gas\n");

        // When
        ThemeHit hit = Matcher.of(List.of(theme)).match(Document.of("1", "Gas", "")).get(0);

        // Then
        assertThat(hit.subTopics()).containsExactly("pipeline", "lng");
        assertThat(theme.rules().get(0).subTopics()).containsExactly("pipeline", "lng");
    }

    @Test
    void shouldRefuseATagThatIsNotDeclaredWithItsLineAndColumn() {
        // When
        ThemeSyntaxException e = problem(HEAD + SUB_TOPICS + "rules: |\n  3 [pipeline]: pipeline\n  3 [lgn]: lng\n");

        // Then
        assertThat(e.getMessage()).isEqualTo("t.yaml:12:6: theme 't': unknown sub-topic 'lgn' (declared: pipeline, lng)");
    }

    @Test
    void shouldRefuseADeclaredSubTopicWithoutAPositiveRule() {
        // When
        ThemeSyntaxException e = problem(HEAD + SUB_TOPICS + "rules: |\n  3 [pipeline]: pipeline\n  3: lng\n");

        // Then
        assertThat(e.getMessage()).isEqualTo("t.yaml:8:9: theme 't': sub-topic 'lng' has no rule: tag at least one"
                + " positive rule with [lng]");
    }

    @Test
    void shouldRefuseBadSubTopicEntriesAndTags() {
        // Then
        assertThat(problem(HEAD + "subTopics:\n  - id: Pipe Line\nrules: |\n  3: gas\n").problem())
                .isEqualTo("sub-topic id 'Pipe Line' must be kebab-case (a-z, 0-9, '-')");
        assertThat(problem(HEAD + "subTopics:\n  - id: a\n  - id: a\nrules: |\n  3 [a]: gas\n").problem())
                .isEqualTo("sub-topic id 'a' is listed twice");
        assertThat(problem(HEAD + "subTopics:\n  - id: a\n    note: x\nrules: |\n  3 [a]: gas\n").problem())
                .isEqualTo("unknown sub-topic key 'note' (allowed: id, description)");
        assertThat(problem(HEAD + "subTopics: gas\nrules: |\n  3: gas\n").problem())
                .startsWith("'subTopics' must be a list of {id, description}");
        assertThat(problem(HEAD + "rules: |\n  3 [Gas]: gas\n").problem())
                .startsWith("sub-topic tag 'Gas' must be a kebab-case id");
        assertThat(problem(HEAD + "rules: |\n  3 [gas]: gas\n").problem())
                .isEqualTo("unknown sub-topic 'gas' (declared: none; list them under 'subTopics')");
        assertThat(problem(HEAD + "subTopics:\n  - id: a\nrules: |\n  3 [a]: gas\n  -1 [a]: oil\n").problem())
                .startsWith("a negative rule cannot name a sub-topic");
    }

    @Test
    void shouldTakeTagsAsTheyAreWhenTheSourceCarriesNoDeclarations() throws Exception {
        // Given: a theme as read from the news-themes topic, whose record has no sub-topic list
        ThemeSpec spec = ThemeSpec.of("t", "T", "", Polarity.MIXED, List.of(), 3, null, "3 [pipeline]: pipeline\n",
                "news-themes/t");

        // When
        CompiledTheme theme = CompiledTheme.compile(spec, TestThemes.lexicon());

        // Then
        assertThat(theme.subTopics()).containsExactly("pipeline");
        assertThat(Matcher.of(List.of(theme)).match(Document.of("1", "pipeline", "")).get(0).subTopics())
                .containsExactly("pipeline");
    }
}
