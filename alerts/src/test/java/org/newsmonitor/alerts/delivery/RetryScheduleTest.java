package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    @Test
    void shouldGrowExponentiallyUpToTheCapWithinTheJitter() {
        //Given
        RetrySchedule s = RetrySchedule.defaults();
        Random random = new Random(42);
        //Then
        for (int failures = 1; failures <= 20; failures++) {
            long base = Math.min(10_000L << Math.min(failures - 1, 30), 3_600_000L);
            Duration d = s.delayAfter(failures, random);
            assertThat(d.toMillis()).as("after %d failures", failures).isBetween((long) (base * 0.8), (long) (base * 1.2));
        }
    }

    @Test
    void shouldRetryForHoursByDefault() {
        //Given
        RetrySchedule s = RetrySchedule.defaults();
        Random random = new Random(1);
        //When
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (total.plus(s.delayAfter(attempts, random)).compareTo(s.giveUpAfter()) <= 0) {
            total = total.plus(s.delayAfter(attempts, random));
            attempts++;
        }
        //Then
        assertThat(total).isGreaterThan(Duration.ofHours(20));
        assertThat(attempts).isBetween(20, 40);
    }

    @Test
    void shouldRefuseNonsenseSettingsNamingThem() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1),
                Duration.ofHours(1), 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofMinutes(1),
                Duration.ofHours(1), 3)).hasMessageContaining("jitter");
    }
}
