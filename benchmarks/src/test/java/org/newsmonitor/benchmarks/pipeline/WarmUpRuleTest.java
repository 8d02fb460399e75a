package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmUpRuleTest {
    private static final Map<String, Long> BUSY_COMPILER = Map.of(CpuByComponent.STREAM, 600L,
            CpuByComponent.JIT, 300L, CpuByComponent.BROKER, 100L);
    private static final Map<String, Long> QUIET_COMPILER = Map.of(CpuByComponent.STREAM, 600L,
            CpuByComponent.JIT, 50L, CpuByComponent.BROKER, 350L);

    @Test
    void shouldGoOnWhileTheCompilerIsBusyAndStopOnceItSettles() {
        //Given
        WarmUpRule rule = new WarmUpRule(20_000, 100_000, WarmUpRule.SETTLED_JIT_SHARE);
        //When / Then
        assertThat(rule.done(30_000, BUSY_COMPILER)).isFalse();
        assertThat(rule.done(30_000, QUIET_COMPILER)).isTrue();
    }

    @Test
    void shouldSendTheMinimumEvenWhenTheCompilerIsQuietAndStopAtTheMaximumEvenWhenItIsNot() {
        //Given
        WarmUpRule rule = new WarmUpRule(20_000, 100_000, WarmUpRule.SETTLED_JIT_SHARE);
        //When / Then
        assertThat(rule.done(10_000, QUIET_COMPILER)).isFalse();
        assertThat(rule.done(100_000, BUSY_COMPILER)).isTrue();
    }

    @Test
    void shouldCountTheCompilersShareOfAllCpuAndTreatNothingMeasuredAsBusy() {
        //When / Then
        assertThat(WarmUpRule.jitShareOf(BUSY_COMPILER)).isEqualTo(0.3);
        assertThat(WarmUpRule.jitShareOf(Map.of())).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseAMaximumBelowTheMinimumNamingBoth() {
        //When / Then
        assertThatThrownBy(() -> new WarmUpRule(50_000, 10_000, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50000 and 10000");
    }
}
