package org.newsmonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");

    @Test
    void shouldRefuseRequestsOverTheHourlyBudgetUntilTheOldestLeavesTheWindow() {
        HostLimiter limiter = new HostLimiter(2, 3);
        assertThat(limiter.spend("News.example", T0)).isNull();
        assertThat(limiter.spend("news.example", T0.plusSeconds(60))).isNull();
        assertThat(limiter.spend("news.example", T0.plusSeconds(120))).isNull();
        // the fourth within the hour waits for the first to be an hour old
        assertThat(limiter.spend("news.example", T0.plusSeconds(180))).isEqualTo(T0.plus(Duration.ofHours(1)));
        // another host has its own budget
        assertThat(limiter.spend("other.example", T0.plusSeconds(180))).isNull();
        // an hour after the first, one slot is free again, and only one
        assertThat(limiter.spend("news.example", T0.plus(Duration.ofHours(1)))).isNull();
        assertThat(limiter.spend("news.example", T0.plus(Duration.ofHours(1)))).isEqualTo(
                T0.plusSeconds(60).plus(Duration.ofHours(1)));
    }

    @Test
    void shouldBoundConcurrentFetchesPerHost() {
        HostLimiter limiter = new HostLimiter(1, 100);
        assertThat(limiter.tryAcquire("a.example")).isTrue();
        assertThat(limiter.tryAcquire("A.example")).isFalse();
        limiter.release("a.example");
        assertThat(limiter.tryAcquire("a.example")).isTrue();
    }
}
