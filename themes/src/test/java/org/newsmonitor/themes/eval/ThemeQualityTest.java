package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeFiles;

/**
 * The bundled catalog against the development set, with the same evaluation code as {@code ./monitor themes eval}.
 * Prints the full report (table and explained misses), so that
 * {@code mvn -B -q -pl themes test -Dtest=ThemeQualityTest} doubles as the quality report.
 */
class ThemeQualityTest {

    @Test
    void shouldMeetTheProjectTargetsWhenMatchingTheTuningPart() {
        // Given
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.MAIN);

        // When
        EvaluationReport report = Evaluator.evaluate(matcher, articles);
        System.out.println(ReportText.render(EvaluationSet.MAIN, report));

        // Then
        assertThat(report.scores()).hasSize(matcher.themeCount());
        assertThat(QualityThresholds.projectTargets().failures(report)).as("targets missed on the tuning part")
                .isEmpty();
    }

    @Test
    void shouldExerciseEverySubTopicAtLeastThreeTimesWhenMatchingTheTuningPart() {
        // Given
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.MAIN);

        // When
        EvaluationReport report = Evaluator.evaluate(matcher, articles);

        // Then: each sub-topic is named by at least three correct matches
        List<String> thin = new java.util.ArrayList<>();
        report.subTopicHits().forEach((theme, counts) -> counts.forEach((subTopic, n) -> {
            if (n < 3) {
                thin.add(theme + "/" + subTopic + ": " + n);
            }
        }));
        assertThat(thin).as("sub-topics with fewer than three correct matches").isEmpty();
    }

    @Test
    void shouldStayAboveTheHeldBackFloorWhenMatchingTheHeldBackPart() {
        // Given
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);

        // When
        EvaluationReport report = Evaluator.evaluate(matcher, articles);
        System.out.println(ReportText.render(EvaluationSet.HOLDOUT, report));

        // Then: the floor recorded in docs/themes.md for the whole part, below the project targets
        assertThat(HELD_BACK_FLOOR.failures(report)).as("held-back part below its recorded floor").isEmpty();
    }

    @Test
    void shouldStayAboveTheEarlierFloorWhenMatchingTheArticlesItWasRecordedOn() {
        // Given: the held-back articles of the first three rounds (ids up to news-1070), on which the earlier floor
        // was recorded; later batches are new material and are guarded by HELD_BACK_FLOOR with the rest
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.HOLDOUT).stream()
                .filter(ThemeQualityTest::writtenBeforeTheFourthRound).toList();

        // When
        EvaluationReport report = Evaluator.evaluate(matcher, articles);

        // Then
        assertThat(articles).hasSize(544);
        assertThat(EARLIER_FLOOR.failures(report)).as("earlier held-back articles below their recorded floor")
                .isEmpty();
    }

    private static boolean writtenBeforeTheFourthRound(LabelledArticle article) {
        String id = article.id();
        return !id.startsWith("news-") || Integer.parseInt(id.substring("news-".length())) <= LAST_ID_OF_THIRD_ROUND;
    }

    static final int LAST_ID_OF_THIRD_ROUND = 1070;

    /**
     * The floor recorded in the third round on the 544 held-back articles of that time (lowest per-theme precision
     * 0.731 arctic-nsr and recall 0.732 trade-investment, rounded down; recall 0.853 arms-sales for the named themes),
     * kept for those same articles: a regression guard, not the target (docs/themes.md).
     */
    static final QualityThresholds EARLIER_FLOOR = QualityThresholds.none()
            .withPrecision(null, 0.73).withRecall(null, 0.73).withRecall("power-of-siberia", 0.85)
            .withRecall("eeu-bri-friction", 0.85).withRecall("arms-sales", 0.85)
            .withNoHitsOnNegatives("power-of-siberia").withNoHitsOnNegatives("eeu-bri-friction")
            .withNoHitsOnNegatives("arms-sales");

    /**
     * The whole held-back part as measured in the fourth round (720 articles, with batches 11 to 16 that no rule had
     * seen): lowest per-theme precision 0.714 far-east-border and recall 0.750 trade-investment, rounded down, and
     * recall 0.829 eeu-bri-friction for the named themes, with no hard-negative hit for them. Added as a guard of the
     * larger part; it does not replace {@link #EARLIER_FLOOR} on the articles that floor was recorded on.
     */
    static final QualityThresholds HELD_BACK_FLOOR = QualityThresholds.none()
            .withPrecision(null, 0.71).withRecall(null, 0.75).withRecall("power-of-siberia", 0.82)
            .withRecall("eeu-bri-friction", 0.82).withRecall("arms-sales", 0.82)
            .withNoHitsOnNegatives("power-of-siberia").withNoHitsOnNegatives("eeu-bri-friction")
            .withNoHitsOnNegatives("arms-sales");
}
