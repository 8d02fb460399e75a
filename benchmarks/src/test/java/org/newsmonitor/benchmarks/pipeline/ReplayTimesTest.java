package org.newsmonitor.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayTimesTest {

    @Test
    void shouldSpaceArticlesEvenlyAndEndOneSpacingBeforeTheGivenInstant() {
        //Given
        Instant end = Instant.parse("2026-11-23T12:00:00Z");
        //When
        ReplayTimes replay = ReplayTimes.endingBefore(end, 1_000, Duration.ofSeconds(4));
        //Then
        assertThat(replay.of(0)).isEqualTo(end.minusSeconds(4_000));
        assertThat(replay.of(1)).isEqualTo(end.minusSeconds(3_996));
        assertThat(replay.of(999)).isEqualTo(end.minusSeconds(4));
    }

    @Test
    void shouldRefuseASpacingThatIsNotPositive() {
        //When / Then
        assertThatThrownBy(() -> new ReplayTimes(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
    }
}
