package org.newsmonitor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldTakeNearestRankPercentilesOfAnUnsortedSample() {
        LatencySummary summary = LatencySummary.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.p50()).isEqualTo(3.0);
        assertThat(summary.p95()).isEqualTo(5.0);
        assertThat(summary.p99()).isEqualTo(5.0);
        assertThat(summary.max()).isEqualTo(5.0);
    }

    @Test
    void shouldPlaceTheNinetyNinthPercentileBelowTheMaximumInALargeSample() {
        List<Double> oneToTwoHundred = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList();
        LatencySummary summary = LatencySummary.of(oneToTwoHundred);
        assertThat(summary.p50()).isEqualTo(100.0);
        assertThat(summary.p95()).isEqualTo(190.0);
        assertThat(summary.p99()).isEqualTo(198.0);
        assertThat(summary.max()).isEqualTo(200.0);
    }

    @Test
    void shouldGiveZerosForNoSamplesAndTheValueForOne() {
        assertThat(LatencySummary.of(List.of())).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
        assertThat(LatencySummary.of(List.of(7.0)).p99()).isEqualTo(7.0);
    }
}
