package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The clustering meets its targets on the labelled story pairs (docs/stories.md). */
class StoryPairsEvaluationTest {
    private static final StoryPairs PAIRS = StoryPairs.load();

    @Test
    void shouldHoldEnoughPairsOfEachLabelInBothParts() {
        //Given / When
        long same = PAIRS.pairs().stream().filter(StoryPairs.Pair::same).count();
        long different = PAIRS.pairs().size() - same;
        //Then
        assertThat(same).isGreaterThanOrEqualTo(150);
        assertThat(different).isGreaterThanOrEqualTo(150);
        assertThat(PAIRS.pairs()).anyMatch(p -> p.heldBack() && p.same()).anyMatch(p -> p.heldBack() && !p.same())
                .anyMatch(p -> !p.heldBack() && p.same()).anyMatch(p -> !p.heldBack() && !p.same());
        assertThat(PAIRS.pairs()).extracting(p -> p.a().language()).contains("en", "ru", "zh");
    }

    @Test
    void shouldCollapseAtLeastNinetyPercentOfSameStoryPairsAndMergeAtMostTwoPercentOfOthersWhenHeldBack() {
        //Given
        StoryPairsEvaluation evaluation = StoryPairsEvaluation.withDefaults();
        evaluation.report(PAIRS).forEach(System.out::println);
        //When
        StoryPairsEvaluation.Figure collapsed = evaluation.figure(PAIRS, p -> p.heldBack() && p.same());
        StoryPairsEvaluation.Figure merged = evaluation.figure(PAIRS, p -> p.heldBack() && !p.same());
        //Then
        assertThat(collapsed.share()).as("same-story pairs collapsed %s", collapsed).isGreaterThanOrEqualTo(0.90);
        assertThat(merged.share()).as("different-story pairs merged %s", merged).isLessThanOrEqualTo(0.02);
    }

    @Test
    void shouldStillMeetTheTargetsWhenAFloodOfOtherReportsArrivedBetweenTheTwoItems() {
        //Given about 2,400 members of other groups that arrived after each pair's first item, so that a lookup
        //examines only the last members of each band
        StoryPairsEvaluation flooded = StoryPairsEvaluation.withDefaults().behindFlood(PAIRS);
        //When
        StoryPairsEvaluation.Figure collapsed = flooded.figure(PAIRS, p -> p.heldBack() && p.same());
        StoryPairsEvaluation.Figure merged = flooded.figure(PAIRS, p -> p.heldBack() && !p.same());
        //Then
        assertThat(collapsed.share()).as("same-story pairs collapsed %s", collapsed).isGreaterThanOrEqualTo(0.90);
        assertThat(merged.share()).as("different-story pairs merged %s", merged).isLessThanOrEqualTo(0.02);
    }

    @Test
    void shouldCollapseTheTwoOutletsVersionsOfThePowerOfSiberiaContractStory() {
        //Given the versions of issue 21
        StoryPairs.Pair pair = PAIRS.pairs().stream()
                .filter(p -> p.id().equals("same:pos2-contract-2026-03-02/signing-en/0-1")).findFirst().orElseThrow();
        //When / Then
        assertThat(pair.a().title()).isEqualTo("Gazprom and CNPC sign long-awaited Power of Siberia 2 supply contract");
        assertThat(pair.b().title()).isEqualTo("Gazprom, CNPC sign Power of Siberia 2 gas supply contract after years "
                + "of talks");
        assertThat(StoryPairsEvaluation.withDefaults().merges(pair)).isTrue();
    }

    @Test
    void shouldNameTheLineWhenAPairIsMalformed() {
        //Given
        String lines = "\n{\"id\":\"x\",\"group\":\"g\",\"label\":\"maybe\",\"part\":\"tuning\"}\n";
        //When / Then
        assertThatThrownBy(() -> StoryPairs.read(new BufferedReader(new StringReader(lines)), "pairs.jsonl"))
                .hasMessageContaining("pairs.jsonl line 2").hasMessageContaining("label must be same or different");
    }
}
