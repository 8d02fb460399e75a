package org.newsmonitor.stream.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurgeHorizonTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");
    private final SurgeHorizon horizon = new SurgeHorizon(Duration.ofHours(6), Duration.ofDays(1));

    private boolean judges(String hourStart) {
        return horizon.judges(Instant.parse(hourStart).toEpochMilli(), NOW.toEpochMilli());
    }

    @Test
    void shouldJudgeTheCurrentHourAndHoursThatEndedWithinTheLateness() {
        assertThat(judges("2026-12-06T12:00:00Z")).isTrue();
        assertThat(judges("2026-12-06T05:00:00Z")).as("ended 6.5 h ago").isFalse();
        assertThat(judges("2026-12-06T06:00:00Z")).as("ended 5.5 h ago").isTrue();
    }

    @Test
    void shouldNotJudgeHistoryOrHoursFarAhead() {
        assertThat(judges("2025-12-06T12:00:00Z")).as("a year ago").isFalse();
        assertThat(judges("2026-12-07T12:00:00Z")).as("23.5 h ahead").isTrue();
        assertThat(judges("2026-12-07T13:00:00Z")).as("24.5 h ahead").isFalse();
    }

    @Test
    void shouldRefuseANegativeLateness() {
        assertThatThrownBy(() -> new SurgeHorizon(Duration.ofHours(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("surge lateness must not be negative, was PT-1H");
    }
}
