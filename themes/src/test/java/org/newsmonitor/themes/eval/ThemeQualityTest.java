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
}
