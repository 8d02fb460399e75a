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

        // Then: the floor recorded in docs/themes.md, below the project targets (see "Measured quality")
        assertThat(HELD_BACK_FLOOR.failures(report)).as("held-back part below its recorded floor").isEmpty();
    }

    /**
     * The lowest per-theme precision and recall the held-back part reached when last measured (0.731 arctic-nsr and
     * 0.732 trade-investment), rounded down, and recall 0.85 with no hard-negative hit for the named themes (lowest
     * 0.853, arms-sales): a regression guard, not the target, which the held-back part does not meet yet
     * (docs/themes.md).
     */
    static final QualityThresholds HELD_BACK_FLOOR = QualityThresholds.none()
            .withPrecision(null, 0.73).withRecall(null, 0.73).withRecall("power-of-siberia", 0.85)
            .withRecall("eeu-bri-friction", 0.85).withRecall("arms-sales", 0.85)
            .withNoHitsOnNegatives("power-of-siberia").withNoHitsOnNegatives("eeu-bri-friction")
            .withNoHitsOnNegatives("arms-sales");
}
