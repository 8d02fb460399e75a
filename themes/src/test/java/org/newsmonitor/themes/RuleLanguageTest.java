package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.themes.TestThemes.matches;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLanguageTest {

    @Test
    void shouldMatchWordCaseInsensitivelyWithPluralAndPossessiveWhenWordIsBare() {
        //Given //When //Then
        assertThat(matches("pipeline", "New PIPELINES planned")).isTrue();
        assertThat(matches("gas", "Gases flow")).isTrue();
        assertThat(matches("china", "China's position")).isTrue();
        assertThat(matches("pipeline", "pipe line")).isFalse();
        assertThat(matches("gas", "gasoline")).isFalse();
    }

    @Test
    void shouldMatchAnyContinuationWhenWordIsPrefix() {
        //Given //When //Then
        assertThat(matches("газопровод*", "строительство газопровода началось")).isTrue();
        assertThat(matches("газопровод*", "газопровод")).isTrue();
        assertThat(matches("сибир*", "сила Сибири")).isTrue();
        assertThat(matches("сибир*", "новосибирск")).isFalse();
    }

    @Test
    void shouldRequireConsecutiveTokensInOrderWhenTermIsPhrase() {
        //Given //When //Then
        assertThat(matches("\"power of siberia\"", "The Power-of-Siberia pipeline")).isTrue();
        assertThat(matches("\"power of siberia\"", "power, of Siberia")).isTrue();
        assertThat(matches("\"power of siberia\"", "Siberia of power")).isFalse();
        assertThat(matches("\"power of siberia\"", "power lines of Siberia")).isFalse();
        assertThat(matches("\"сил* сибири\"", "по «Силе Сибири»")).isTrue();
    }

    @Test
    void shouldTreatHyphenatedWordAsPhraseWhenWrittenBare() {
        //Given //When //Then
        assertThat(matches("s-400", "the S 400 system")).isTrue();
        assertThat(matches("\"s 400*\"", "S-400s delivered")).isTrue();
        assertThat(matches("s-400", "S-300 and 400 more")).isFalse();
    }

    @Test
    void shouldMatchCjkWordAsCharacterPhraseWhenWrittenBareOrQuoted() {
        //Given //When //Then
        assertThat(matches("西伯利亚力量", "俄罗斯通过西伯利亚力量管道向中国供气")).isTrue();
        assertThat(matches("\"西伯利亚力量\"", "西伯利亚力量2号")).isTrue();
        assertThat(matches("西伯利亚力量", "西伯利亚的力量")).isFalse();
    }

    @Test
    void shouldCombineWithAndOrNotAndJuxtapositionWhenOperatorsAreUsed() {
        //Given //When //Then
        assertThat(matches("gas AND china", "gas for China")).isTrue();
        assertThat(matches("gas china", "gas for China")).isTrue();
        assertThat(matches("gas AND china", "gas for India")).isFalse();
        assertThat(matches("gas OR oil", "oil prices")).isTrue();
        assertThat(matches("gas AND NOT india", "gas for India")).isFalse();
        assertThat(matches("gas AND NOT india", "gas for China")).isTrue();
        assertThat(matches("NOT india", "anything")).isTrue();
    }

    @Test
    void shouldBindNotTighterThanAndAndAndTighterThanOrWhenMixed() {
        //Given: a OR b AND c == a OR (b AND c);  NOT a AND b == (NOT a) AND b
        //When //Then
        assertThat(matches("alpha OR beta AND gamma", "alpha")).isTrue();
        assertThat(matches("alpha OR beta AND gamma", "beta")).isFalse();
        assertThat(matches("(alpha OR beta) AND gamma", "alpha")).isFalse();
        assertThat(matches("NOT alpha AND beta", "beta")).isTrue();
        assertThat(matches("NOT alpha AND beta", "alpha beta")).isFalse();
    }

    @Test
    void shouldMatchNearInEitherOrderWithinDistanceWhenTermsAreClose() {
        //Given: adjacent words are 1 apart
        String text = "gazprom and the chinese partner cnpc signed";
        //When //Then
        assertThat(matches("gazprom NEAR/5 cnpc", text)).isTrue();
        assertThat(matches("gazprom NEAR/4 cnpc", text)).isFalse();
        assertThat(matches("cnpc NEAR/5 gazprom", text)).isTrue();
        assertThat(matches("gazprom NEAR/1 \"and\"", text)).isTrue();
        assertThat(matches("gazprom NEAR cnpc", text)).isTrue();
    }

    @Test
    void shouldMeasureNearFromPhraseEndsWhenSidesArePhrases() {
        //Given
        String text = "power of siberia pipeline to china";
        //When //Then
        assertThat(matches("\"power of siberia\" NEAR/3 china", text)).isTrue();
        assertThat(matches("\"power of siberia\" NEAR/2 china", text)).isFalse();
        assertThat(matches("(gas OR pipeline) NEAR/2 china", text)).isTrue();
        assertThat(matches("@china NEAR/3 pipeline", text)).isTrue();
    }

    @Test
    void shouldNotMatchNearAcrossFieldsWhenTermsAreInTitleAndSummary() {
        //Given //When //Then
        assertThat(matches("gazprom NEAR/3 cnpc", "talks with Gazprom", "CNPC said")).isFalse();
        assertThat(matches("gazprom AND cnpc", "talks with Gazprom", "CNPC said")).isTrue();
        assertThat(matches("\"gazprom cnpc\"", "Gazprom", "CNPC")).isFalse();
    }

    @Test
    void shouldChainNearWhenThreeTermsMustBeClose() {
        //Given //When //Then
        assertThat(matches("gas NEAR/2 russia NEAR/2 china", "gas russia x china")).isTrue();
        assertThat(matches("gas NEAR/2 russia NEAR/2 china", "gas russia x x x x x china")).isFalse();
    }

    @Test
    void shouldRestrictToFieldWhenScopeIsGiven() {
        //Given //When //Then
        assertThat(matches("title:gas", "Gas deal", "nothing here")).isTrue();
        assertThat(matches("title:gas", "A deal", "about gas")).isFalse();
        assertThat(matches("body:gas", "Gas deal", "nothing here")).isFalse();
        assertThat(matches("body:gas", "A deal", "about gas")).isTrue();
        assertThat(matches("title:(gas OR pipeline*)", "Pipelines", "")).isTrue();
        assertThat(matches("title:gas NEAR/3 china", "gas china", "")).isTrue();
        assertThat(matches("title:@china", "Beijing says", "")).isTrue();
        assertThat(matches("body:@china", "Beijing says", "")).isFalse();
    }

    @Test
    void shouldMatchBodyScopeInContentWhenSummaryIsEmpty() {
        //Given
        Matcher m = TestThemes.rule("body:pipeline");
        //When
        List<ThemeHit> hits = m.match(new Document("a", "x", "", "a pipeline", null));
        //Then
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).terms()).containsExactly(new TermHit("pipeline", "content", 2, 10));
    }

    @Test
    void shouldExpandLexiconListWhenRuleReferencesIt() {
        //Given //When //Then
        assertThat(matches("@russia", "Росси́я")).isTrue();
        assertThat(matches("@russia", "the Russian Federation")).isTrue();
        assertThat(matches("@russia AND @china", "Moscow and Beijing")).isTrue();
        assertThat(matches("@russia AND @china", "Moscow and Delhi")).isFalse();
        assertThat(matches("@china", "中国外交部")).isTrue();
    }

    @Test
    void shouldSumWeightsAgainstMinScoreWhenSeveralRulesHold() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("gas", 5, null, """
                3: pipeline*
                2: gas
                2: gas                    # a rule counts once even if it repeats another
                -6: heatwave
                """)));
        //When
        List<ThemeHit> one = m.match(Document.of("1", "pipelines", ""));
        List<ThemeHit> both = m.match(Document.of("2", "gas pipelines", "more gas, more gas"));
        List<ThemeHit> negated = m.match(Document.of("3", "gas pipelines in a heatwave", ""));
        //Then
        assertThat(one).isEmpty();
        assertThat(both).singleElement().extracting(ThemeHit::score).isEqualTo(7.0);
        assertThat(negated).isEmpty();
    }

    @Test
    void shouldKeepMatchWhenNegativeWeightLeavesScoreAtMinScore() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 2, null, "4: gas\n-2: oil\n")));
        //When //Then
        assertThat(m.match(Document.of("1", "gas and oil", ""))).singleElement().extracting(ThemeHit::score)
                .isEqualTo(2.0);
    }

    @Test
    void shouldRequireBothActorsWhenThemeHasRussiaChinaConstraint() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("arms", 3, "@russia AND @china", """
                4: "s 400*" OR s-400
                """)));
        //When
        List<ThemeHit> china = m.match(Document.of("1", "Russia delivers S-400 to China", ""));
        List<ThemeHit> india = m.match(Document.of("2", "Russia delivers S-400 to India", ""));
        //Then
        assertThat(china).hasSize(1);
        assertThat(india).isEmpty();
    }

    @Test
    void shouldReportTermsAsWrittenWithOffsetsWhenThemeMatches() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("pos", 3, null, """
                3: "power of siberia" OR @china
                1: gazprom* NEAR/3 cnpc
                """)));
        //When
        List<ThemeHit> hits = m.match(new Document("1", "Power of Siberia",
                "Gazprom and CNPC agreed; unrelated CNPC news later on.", null, null));
        //Then
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.score()).isEqualTo(4.0);
            assertThat(h.terms()).containsExactly(
                    new TermHit("power of siberia", "title", 0, 16),
                    new TermHit("gazprom*", "summary", 0, 7),
                    new TermHit("cnpc", "summary", 12, 16));
            assertThat(h.snippet()).startsWith("Gazprom and CNPC agreed");
        });
    }
}
