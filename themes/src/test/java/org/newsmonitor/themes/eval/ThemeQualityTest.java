package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.ThemeFiles;

/**
 * The bundled catalog against the labelled evaluation set. Prints the full report (table and misses) so that
 * {@code mvn -B -q -pl themes test -Dtest=ThemeQualityTest} doubles as the quality report.
 */
class ThemeQualityTest {

    @Test
    void shouldMeetPrecisionAndRecallTargetsWhenMatchingTheEvaluationSet() {
        // Given
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.MAIN);

        // When
        List<ThemeQuality> report = ThemeEvaluation.evaluate(catalog, articles);
        System.out.println(ThemeEvaluation.render(EvaluationSet.MAIN, report));

        // Then
        assertThat(report).hasSize(catalog.size());
        List<String> failing = report.stream().filter(q -> !q.passes())
                .map(q -> String.format("%s P=%.2f R=%.2f (target %.2f/%.2f)", q.themeId(), q.precision(),
                        q.recall(), q.target().precision(), q.target().recall()))
                .collect(Collectors.toList());
        assertThat(failing).as("themes below their precision/recall target").isEmpty();
    }

    @Test
    void shouldStayAboveTheLowerTargetOverallWhenMatchingTheHeldOutSet() {
        // Given
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);

        // When
        List<ThemeQuality> report = ThemeEvaluation.evaluate(catalog, articles);
        System.out.println(ThemeEvaluation.render(EvaluationSet.HOLDOUT, report));

        // Then: too few articles per theme for per-theme targets, so the micro average is checked
        int tp = report.stream().mapToInt(q -> q.truePositives().size()).sum();
        int fp = report.stream().mapToInt(q -> q.falsePositives().size()).sum();
        int fn = report.stream().mapToInt(q -> q.falseNegatives().size()).sum();
        assertThat((double) tp / (tp + fp)).as("held-out micro precision").isGreaterThanOrEqualTo(
                QualityTarget.OTHER.precision());
        assertThat((double) tp / (tp + fn)).as("held-out micro recall").isGreaterThanOrEqualTo(
                QualityTarget.OTHER.recall());
    }

    @Test
    void shouldCountMissesAsFalseNegativesWhenAThemeMatchesNothing() {
        // Given
        LabelledArticle labelled = new LabelledArticle("a", "Gas", "", "en", List.of("power-of-siberia"));
        LabelledArticle unlabelled = new LabelledArticle("b", "Weather", "", "en", List.of());
        List<CompiledTheme> powerOfSiberia = ThemeFiles.bundledCompiled().stream()
                .filter(t -> t.id().equals("power-of-siberia")).collect(Collectors.toList());

        // When
        List<ThemeQuality> report = ThemeEvaluation.evaluate(powerOfSiberia, List.of(labelled, unlabelled));

        // Then
        ThemeQuality quality = report.get(0);
        assertThat(quality.falseNegatives()).containsExactly(labelled);
        assertThat(quality.falsePositives()).isEmpty();
        assertThat(quality.recall()).isZero();
        assertThat(quality.passes()).isFalse();
    }
}
