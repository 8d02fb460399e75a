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
    void shouldStayAboveTheFloorRecordedOnTheHeldBackPartWhenMatchingIt() {
        // Given: the held-back part written in the seventh round, which no rule was tuned on
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);

        // When
        EvaluationReport report = Evaluator.evaluate(matcher, articles);

        // Then: the floor recorded in docs/themes.md when it was measured
        assertThat(articles).hasSize(775);
        assertThat(HELD_BACK_FLOOR.failures(report)).as("held-back part below its recorded floor").isEmpty();
    }

    /**
     * The held-back part as measured at the end of the seventh round, rounded down: the lowest per-theme precision and
     * recall (0.795, global-alignment; 0.780, arctic-nsr), the lowest precision and recall of the named themes
     * (0.929, arms-sales; 0.937, power-of-siberia), with no hard-negative hit for them. Every project target is met
     * there too (docs/themes.md); this is a regression guard. Only the pass or fail of this test is read; its report is
     * not printed, so that the list of held-back misses stays unread.
     */
    static final QualityThresholds HELD_BACK_FLOOR = QualityThresholds.none()
            .withPrecision(null, 0.79).withRecall(null, 0.78)
            .withPrecision("power-of-siberia", 0.92).withRecall("power-of-siberia", 0.93)
            .withPrecision("eeu-bri-friction", 0.92).withRecall("eeu-bri-friction", 0.93)
            .withPrecision("arms-sales", 0.92).withRecall("arms-sales", 0.93)
            .withNoHitsOnNegatives("power-of-siberia").withNoHitsOnNegatives("eeu-bri-friction")
            .withNoHitsOnNegatives("arms-sales");
}
