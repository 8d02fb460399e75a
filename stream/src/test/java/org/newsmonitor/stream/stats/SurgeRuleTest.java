package org.newsmonitor.stream.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SurgeRuleTest {
    private final SurgeRule rule = SurgeRule.DEFAULT;

    @Test
    void shouldReportSurgeWhenCountReachesThreeWithNoBaseline() {
        //Given / When
        var surge = rule.evaluate(3, 0);
        //Then
        assertThat(surge).get().satisfies(s -> {
            assertThat(s.count()).isEqualTo(3);
            assertThat(s.baseline()).isZero();
            //against the least non-zero baseline: one match in 24 hours
            assertThat(s.ratio()).isEqualTo(72.0);
        });
        assertThat(rule.evaluate(2, 0)).isEmpty();
    }

    @Test
    void shouldRequireThreeTimesTheMeanWhenBaselineIsHigh() {
        //Given a mean of 2 matches per hour over the previous 24 hours
        long previousTotal = 48;
        //When / Then
        assertThat(rule.evaluate(5, previousTotal)).isEmpty();
        assertThat(rule.evaluate(6, previousTotal)).get()
                .satisfies(s -> assertThat(s.ratio()).isEqualTo(3.0));
    }

    @Test
    void shouldReportARatioThatTimesTheBaselineGivesTheCountIssue21() {
        //Given 10 matches in the previous 24 hours: a usual 0.42 an hour
        long previousTotal = 10;
        //When an hour has 5 (the alert once read "5 matches, 5.0x the usual 0.4")
        var surge = rule.evaluate(5, previousTotal);
        //Then ratio times baseline is the count
        assertThat(surge).get().satisfies(s -> {
            assertThat(s.baseline()).isEqualTo(10.0 / 24);
            assertThat(s.ratio()).isEqualTo(12.0);
            assertThat(s.ratio() * s.baseline()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void shouldRefuseRuleWhenFactorIsBelowOne() {
        assertThatThrownBy(() -> new SurgeRule(3, 0.5, 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("surge factor must be at least 1, was 0.5");
    }
}
