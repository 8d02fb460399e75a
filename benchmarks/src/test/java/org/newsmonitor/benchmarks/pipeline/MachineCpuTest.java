package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void shouldSplitTheTimeBetweenTwoReadingsIntoBusyIdleAndStolen() {
        //Given user nice system idle iowait irq softirq steal
        MachineCpu before = MachineCpu.parse("cpu  1000 0 200 5000 0 0 0 100 0 0");
        MachineCpu after = MachineCpu.parse("cpu  1600 0 300 5200 0 0 0 200 0 0");
        //When
        double[] shares = after.sharesSince(before);
        //Then 700 busy, 200 idle, 100 stolen ticks
        assertThat(shares).containsExactly(0.7, 0.2, 0.1);
    }

    @Test
    void shouldRefuseALineThatIsNotTheAggregateCpuLine() {
        //When / Then
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu0 1 2");
    }
}
