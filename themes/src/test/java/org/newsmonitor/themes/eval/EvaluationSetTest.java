package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.ThemeFiles;

/** The labelled set is large and varied enough to judge the catalog on. */
class EvaluationSetTest {

    @Test
    void shouldCoverEveryThemeAndLanguageWhenLoadingTheMainSet() {
        // Given
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.MAIN);
        Set<String> themeIds = ThemeFiles.bundledCompiled().stream().map(CompiledTheme::id).collect(Collectors.toSet());

        // When
        Map<String, Long> positives = articles.stream().flatMap(a -> a.labels().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> languages = articles.stream()
                .collect(Collectors.groupingBy(LabelledArticle::language, Collectors.counting()));
        long negatives = articles.stream().filter(a -> a.labels().isEmpty()).count();
        long multiLabel = articles.stream().filter(a -> a.labels().size() > 1).count();

        // Then
        assertThat(articles).hasSizeGreaterThanOrEqualTo(230);
        assertThat(articles).extracting(LabelledArticle::id).doesNotHaveDuplicates();
        assertThat(positives.keySet()).containsExactlyInAnyOrderElementsOf(themeIds);
        assertThat(themeIds).allSatisfy(id -> assertThat(positives.get(id)).as(id)
                .isGreaterThanOrEqualTo(QualityTarget.NAMED_THEMES.contains(id) ? 25L : 8L));
        assertThat(negatives).isGreaterThanOrEqualTo(50);
        assertThat(multiLabel).isGreaterThanOrEqualTo(10);
        assertThat(languages.get("ru")).isGreaterThanOrEqualTo(10);
        assertThat(languages.get("zh")).isGreaterThanOrEqualTo(10);
        assertThat(articles).allSatisfy(a -> assertThat(a.summary()).isNotBlank());
    }

    @Test
    void shouldUseOnlyKnownThemesWhenLoadingTheHeldOutSet() {
        // Given
        List<LabelledArticle> articles = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);
        Set<String> themeIds = ThemeFiles.bundledCompiled().stream().map(CompiledTheme::id).collect(Collectors.toSet());

        // When
        Set<String> used = articles.stream().flatMap(a -> a.labels().stream()).collect(Collectors.toSet());

        // Then
        assertThat(themeIds).containsAll(used);
        assertThat(articles).extracting(LabelledArticle::id).doesNotHaveDuplicates();
    }
}
