package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.ThemeFiles;

/** The development set is large and varied enough to judge the catalog on, and its split follows the rule. */
class EvaluationSetTest {

    @Test
    void shouldCoverEveryThemeLanguageAndHardNegativesWhenLoadingBothParts() {
        // Given
        List<LabelledArticle> articles = new ArrayList<>(EvaluationSet.fromResource(EvaluationSet.MAIN));
        articles.addAll(EvaluationSet.fromResource(EvaluationSet.HOLDOUT));
        Set<String> themeIds = ThemeFiles.bundledCompiled().stream().map(CompiledTheme::id).collect(Collectors.toSet());

        // When
        Map<String, Long> positives = articles.stream().flatMap(a -> a.labels().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long negatives = articles.stream().filter(a -> a.labels().isEmpty()).count();
        long russianOrChinese = articles.stream().filter(a -> a.language().equals("ru") || a.language().equals("zh"))
                .count();

        // Then
        assertThat(articles).extracting(LabelledArticle::id).doesNotHaveDuplicates();
        assertThat(positives.keySet()).containsExactlyInAnyOrderElementsOf(themeIds);
        assertThat(themeIds).allSatisfy(id -> assertThat(positives.get(id)).as(id)
                .isGreaterThanOrEqualTo(QualityThresholds.NAMED_THEMES.contains(id) ? 60L : 30L));
        assertThat(negatives).isGreaterThanOrEqualTo(150);
        assertThat((double) russianOrChinese / articles.size()).isGreaterThanOrEqualTo(0.20);
        assertThat(articles).allSatisfy(a -> assertThat(a.summary()).isNotBlank());
    }

    @Test
    void shouldFollowTheSplitRuleWhenComparingTheTwoParts() {
        // Given: the held-back part is the batch written in the seventh round ("held7-…"), never used for tuning; every
        // older article, including the three earlier held-back parts, is in the tuning part
        List<LabelledArticle> tuning = EvaluationSet.fromResource(EvaluationSet.MAIN);
        List<LabelledArticle> heldBack = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);

        // Then
        assertThat(heldBack).hasSizeGreaterThanOrEqualTo(500)
                .allSatisfy(a -> assertThat(isHeldBack(a.id())).as(a.id()).isTrue());
        assertThat(tuning).allSatisfy(a -> assertThat(isHeldBack(a.id())).as(a.id()).isFalse());
    }

    @Test
    void shouldKeepTheFirstSplitRuleWhenReadingTheArticlesOfTheFirstHeldBackPart() {
        // Given: the first held-back part (ids "news-…" whose SHA-256 starts with 0-7) is now in the tuning part
        long firstHeldBack = EvaluationSet.fromResource(EvaluationSet.MAIN).stream()
                .filter(a -> wasInTheFirstHeldBackPart(a.id())).count();

        // Then
        assertThat(firstHeldBack).isEqualTo(720);
    }

    @Test
    void shouldCountTheSecondHeldBackPartInTheTuningPartWhenReadingIt() {
        // Given: the held-back part of the fifth round (ids "fresh-…"), measured at the end of that round
        long secondHeldBack = EvaluationSet.fromResource(EvaluationSet.MAIN).stream()
                .filter(a -> a.id().startsWith("fresh-")).count();

        // Then
        assertThat(secondHeldBack).isEqualTo(533);
    }

    @Test
    void shouldCountTheThirdHeldBackPartInTheTuningPartWhenReadingIt() {
        // Given: the held-back part of the sixth round (ids "held6-…"), measured three times in that round
        long thirdHeldBack = EvaluationSet.fromResource(EvaluationSet.MAIN).stream()
                .filter(a -> a.id().startsWith("held6-")).count();

        // Then
        assertThat(thirdHeldBack).isEqualTo(611);
    }

    static boolean isHeldBack(String id) {
        return id.startsWith("held7-");
    }

    static boolean wasInTheFirstHeldBackPart(String id) {
        if (!id.startsWith("news-")) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "01234567".indexOf(HexFormat.of().formatHex(hash).charAt(0)) >= 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
