package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.eval.ThresholdChoice.Candidate;

/** The pure parts of {@link ScorerExperiment}: the fold split, the threshold choice, and the scorer on toy data. */
class ScorerExperimentTest {

    @Test
    void shouldDealEveryArticleIntoFoldsOfNearlyEqualSizeWhenSplitting() {
        // When
        int[] fold = FoldSplit.assign(11, 5, 16L);

        // Then: sizes 3,2,2,2,2 in some order, and the same seed gives the same split
        int[] sizes = new int[5];
        Arrays.stream(fold).forEach(f -> sizes[f]++);
        assertThat(Arrays.stream(sizes).sorted().toArray()).containsExactly(2, 2, 2, 2, 3);
        assertThat(FoldSplit.assign(11, 5, 16L)).containsExactly(fold);
        assertThat(FoldSplit.assign(11, 5, 17L)).isNotEqualTo(fold);
    }

    @Test
    void shouldRefuseMoreFoldsThanArticlesWhenSplitting() {
        assertThatThrownBy(() -> FoldSplit.assign(3, 5, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("folds must be between 2 and the number of articles (3), got 5");
    }

    @Test
    void shouldPickTheLowestPositiveAboveEveryNegativeWhenChoosingAThreshold() {
        // Given
        List<Candidate> candidates = List.of(new Candidate(0.9, true), new Candidate(0.7, true),
                new Candidate(0.6, false), new Candidate(0.4, true));

        // When
        OptionalDouble t = ThresholdChoice.lowestWithoutFalsePositive(candidates, 0.5);

        // Then
        assertThat(t).hasValue(0.7);
        assertThat(ThresholdChoice.added(candidates, t)).containsExactly(2, 0);
    }

    @Test
    void shouldNeverAddWhenANegativeScoresAboveEveryPositive() {
        // Given
        List<Candidate> candidates = List.of(new Candidate(0.8, true), new Candidate(0.9, false));

        // When
        OptionalDouble t = ThresholdChoice.lowestWithoutFalsePositive(candidates, 0.0);

        // Then
        assertThat(t).isEmpty();
        assertThat(ThresholdChoice.added(candidates, t)).containsExactly(0, 0);
    }

    @Test
    void shouldKeepTheFloorWhenNoNegativeWasScored() {
        List<Candidate> candidates = List.of(new Candidate(0.3, true), new Candidate(0.55, true));

        assertThat(ThresholdChoice.lowestWithoutFalsePositive(candidates, 0.5)).hasValue(0.55);
    }

    @Test
    void shouldScoreAThemeFromNeighboursInTheArticlesOwnLanguage() {
        // Given: Russian articles on gas and on weapons, an English one on gas
        List<LabelledArticle> training = List.of(
                new LabelledArticle("g1", "Газпром увеличил поставки газа в Китай", "Поставки газа выросли.", "ru",
                        List.of("power-of-siberia")),
                new LabelledArticle("g2", "Поставки газа в Китай по трубопроводу", "Газпром сообщил о рекорде.",
                        "ru", List.of("power-of-siberia")),
                new LabelledArticle("w1", "Россия поставит Китаю истребители", "Контракт на истребители.", "ru",
                        List.of("arms-sales")),
                new LabelledArticle("w2", "Истребители для Китая", "Россия передала истребители.", "ru",
                        List.of("arms-sales")),
                new LabelledArticle("e1", "Gas flows to China", "Gas deliveries rose.", "en",
                        List.of("oil-trade")));
        NeighbourScorer scorer = NeighbourScorer.train(training, 3);

        // When
        NeighbourScorer.Scores s = scorer.score(new LabelledArticle("q", "Газпром: поставки газа в Китай",
                "Рекордные поставки газа.", "", List.of()));

        // Then: the language is guessed from the script, and only Russian neighbours count
        assertThat(NeighbourScorer.languageOf(new LabelledArticle("x", "新闻", "", "", List.of()))).isEqualTo("zh");
        assertThat(s.of("power-of-siberia")).isGreaterThan(s.of("arms-sales"));
        assertThat(s.of("oil-trade")).isZero();
        assertThat(s.why("power-of-siberia")).anyMatch(w -> w.startsWith("g1 ") || w.startsWith("g2 "));
    }

    @Test
    void shouldNameTheSentenceThatCarriedAThemeWhenExplaining() {
        // Given
        List<LabelledArticle> training = List.of(
                new LabelledArticle("g1", "Gazprom raises gas supplies to China", "Gas supplies rose.", "en",
                        List.of("power-of-siberia")),
                new LabelledArticle("g2", "Gas supplies to China by pipeline", "Gazprom reported a record.", "en",
                        List.of("power-of-siberia")),
                new LabelledArticle("w1", "Russia to deliver fighters to China", "A fighter contract.", "en",
                        List.of("arms-sales")),
                new LabelledArticle("w2", "Fighters for China", "Russia handed over fighters.", "en",
                        List.of("arms-sales")));
        NeighbourScorer scorer = NeighbourScorer.train(training, 3);
        LabelledArticle article = new LabelledArticle("q", "Moscow and Beijing talk", "Russia will deliver "
                + "fighters to China. Gazprom gas supplies to China set a record.", "en", List.of());

        // When / Then
        assertThat(scorer.carryingSentence(article, "power-of-siberia"))
                .isEqualTo("Gazprom gas supplies to China set a record.");
        assertThat(scorer.carryingSentence(article, "arms-sales")).isEqualTo("Russia will deliver fighters to China.");
    }

    @Test
    void shouldCutChineseAndRussianTextIntoSentences() {
        assertThat(NeighbourScorer.sentences("中俄签署协议。双方同意扩大合作。")).containsExactly("中俄签署协议。",
                "双方同意扩大合作。");
        assertThat(NeighbourScorer.sentences("Поставки выросли. Газпром сообщил о рекорде."))
                .containsExactly("Поставки выросли.", "Газпром сообщил о рекорде.");
    }
}
