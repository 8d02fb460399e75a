package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {
    // element e costs e + 1: lower ids are more selective
    private static final EvalNode.AtomCost COST = e -> Math.abs(e) + 1;

    @Test
    void shouldJoinSortedWithoutDuplicatesWhenUnionOfTwoClauses() {
        //Given //When
        int[] union = Clauses.union(new int[] {1, 4, 7}, new int[] {2, 4, 9});
        //Then
        assertThat(union).containsExactly(1, 2, 4, 7, 9);
    }

    @Test
    void shouldDropDuplicatesAndImpliedClausesWhenSimplifying() {
        //Given: {3} implies {3, 5} and {5, 3}
        List<int[]> clauses = List.of(new int[] {5, 3}, new int[] {3}, new int[] {8, 2}, new int[] {2, 8},
                new int[] {3, 5});
        //When
        List<int[]> simple = Clauses.simplify(clauses, COST);
        //Then: cheapest first
        assertThat(simple).containsExactly(new int[] {3}, new int[] {2, 8});
    }

    @Test
    void shouldPairOneClauseOfEachAlternativeWhenEitherHolds() {
        //Given: (1 AND 2) OR 3
        List<List<int[]>> alternatives = List.of(List.of(new int[] {1}, new int[] {2}), List.of(new int[] {3}));
        //When
        List<int[]> either = Clauses.either(alternatives, COST);
        //Then: (1 OR 3) AND (2 OR 3)
        assertThat(either).containsExactly(new int[] {1, 3}, new int[] {2, 3});
    }

    @Test
    void shouldKeepTheCommonClauseWhenAlternativesShareIt() {
        //Given: title:x OR (x AND y), with x as one element in both (as for an unscoped word)
        List<List<int[]>> alternatives = List.of(List.of(new int[] {4}), List.of(new int[] {4}, new int[] {6}));
        //When
        List<int[]> either = Clauses.either(alternatives, COST);
        //Then
        assertThat(either).containsExactly(new int[] {4});
    }

    @Test
    void shouldNeedNothingWhenOneAlternativeNeedsNothing() {
        //Given: a OR NOT b
        List<List<int[]>> alternatives = List.of(List.of(new int[] {1}), List.of());
        //When //Then
        assertThat(Clauses.either(alternatives, COST)).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheMostSelectiveClausesWhenPairingWouldMultiplyThem() {
        //Given: (1 AND 2 AND 3) OR (4 AND 5 AND 6) OR (7 AND 8 AND 9): 27 pairings
        List<List<int[]>> alternatives = List.of(
                List.of(new int[] {1}, new int[] {2}, new int[] {3}),
                List.of(new int[] {4}, new int[] {5}, new int[] {6}),
                List.of(new int[] {7}, new int[] {8}, new int[] {9}));
        //When
        List<int[]> either = Clauses.either(alternatives, COST);
        //Then
        assertThat(either).hasSize(Clauses.KEPT);
        assertThat(either.get(0)).containsExactly(1, 4, 7);
        assertThat(either).allSatisfy(c -> assertThat(c).hasSize(3));
    }
}
