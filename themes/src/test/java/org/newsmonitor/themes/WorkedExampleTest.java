package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of the package guide (package-info.java), step by step, on the bundled catalog. */
class WorkedExampleTest {
    private static final String TITLE = "Russian and Chinese bombers fly joint patrol";
    private static final String SUMMARY = "The eight-hour flight over the Sea of Japan was the tenth such patrol, the"
            + " ministry in Moscow said.";
    private static final Document ARTICLE = Document.of("example", TITLE, SUMMARY);

    private final Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());

    @Test
    void tokensAreNumberedAcrossTheFields() {
        List<String> title = TextTokenizer.tokens(TITLE).stream().map(TextTokenizer.Token::text).toList();
        List<String> summary = TextTokenizer.tokens(SUMMARY).stream().map(TextTokenizer.Token::text).toList();
        assertThat(title).containsExactly("russian", "and", "chinese", "bombers", "fly", "joint", "patrol");
        // the summary's tokens follow the title's 7: patrol is token 20, moscow token 24, 26 tokens in all
        assertThat(summary.indexOf("patrol") + title.size()).isEqualTo(20);
        assertThat(summary.indexOf("moscow") + title.size()).isEqualTo(24);
        assertThat(title.size() + summary.size()).isEqualTo(26);
    }

    @Test
    void aFewThemesAreEvaluatedAndOneMatchesWithScoreEight() {
        List<ThemeHit> hits = matcher.match(ARTICLE);

        // pre-selection leaves a few of the fourteen themes to evaluate (military-exercises among them); how many
        // depends on every theme's vocabulary, so the guide and this test say only "a few" (at most half of them)
        assertThat(matcher.lastEvaluatedCount()).isBetween(1, 7);
        assertThat(hits).extracting(ThemeHit::themeId).containsExactly("military-exercises");
        ThemeHit hit = hits.get(0);
        assertThat(hit.score()).isEqualTo(8.0);
        assertThat(hit.terms()).containsExactly(new TermHit("bomber*", "title", 20, 27),
                new TermHit("joint", "title", 32, 37), new TermHit("patrol*", "title", 38, 44));
        assertThat(hit.snippet()).isEqualTo(TITLE);
        assertThat(hit.subTopics()).containsExactly("joint-patrols");
    }

    @Test
    void theExplanationListsTheTwoRulesThatHeld() {
        ThemeExplanation why = matcher.explain(ARTICLE, "military-exercises");

        assertThat(why.matches()).isTrue();
        assertThat(why.score()).isEqualTo(8.0);
        assertThat(why.minScore()).isEqualTo(5.0);
        assertThat(why.requireHolds()).isTrue();
        assertThat(why.rulesHeld()).extracting(r -> r.rule().weight()).containsExactly(5.0, 3.0);
        assertThat(why.rulesHeld().get(0).rule().source()).startsWith("(patrol* OR");
        assertThat(why.rulesHeld().get(0).terms()).extracting(TermHit::term)
                .containsExactly("bomber*", "joint", "patrol*");
        assertThat(why.rulesHeld().get(1).terms()).extracting(TermHit::term).containsExactly("bomber*");
    }
}
