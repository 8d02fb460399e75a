package org.newsmonitor.stream.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupWindowTest {
    @Test
    void shouldRememberIdUntilJustBeforeRetentionWhenAskedAtTheEdge() {
        //Given
        DedupWindow window = new DedupWindow(Duration.ofHours(1));
        //When / Then
        assertThat(window.remembers(1_000, 1_000 + 3_599_999)).isTrue();
        assertThat(window.remembers(1_000, 1_000 + 3_600_000)).isFalse();
    }

    @Test
    void shouldPurgeAtMostHourlyWhenRetentionIsLong() {
        assertThat(new DedupWindow(Duration.ofDays(7)).purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(new DedupWindow(Duration.ofMinutes(10)).purgeInterval()).isEqualTo(Duration.ofMinutes(1));
    }
}
