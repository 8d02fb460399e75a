package org.newsmonitor.benchmarks.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.newsmonitor.benchmarks.LatencySummary;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.PollingPolicy;

class PollingDelaysTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void shouldSeeEveryItemWithinOneFixedIntervalAndAboutHalfOfItOnAverage() {
        FeedDefinition fixed = new FeedDefinition("f", URI.create("https://f.example/rss"), "F", "en", List.of(),
                Duration.ofMinutes(10), ZoneId.of("UTC"));
        List<Duration> delays = PollingDelays.simulate(PollingPolicy.defaults(), fixed, Duration.ofMinutes(1),
                Duration.ofDays(1), Duration.ofHours(1), START, new SplittableRandom(1));
        assertThat(delays).hasSize(23 * 60);
        assertThat(delays).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofMinutes(10)) <= 0);
        double meanSeconds = delays.stream().mapToLong(Duration::toSeconds).average().orElseThrow();
        assertThat(meanSeconds).isBetween(270.0, 330.0);
    }

    @Test
    void shouldPollAOnceAMinuteAdaptiveFeedAtItsFloor() {
        List<Duration> delays = PollingDelays.simulate(PollingPolicy.defaults(), PollingDelays.defaultAdaptiveFeed(),
                Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(1), START, new SplittableRandom(2));
        List<Double> seconds = delays.stream().map(d -> (double) d.toSeconds()).toList();
        // the median gap is about a minute, so the policy mostly polls at its 2-minute floor (items that came less than
        // a minute apart count as one publication, which sometimes stretches the interval a little)
        LatencySummary summary = LatencySummary.of(seconds);
        assertThat(summary.max()).isLessThanOrEqualTo(180.0);
        assertThat(summary.p50()).isBetween(45.0, 75.0);
        assertThat(summary.p99()).isGreaterThan(100.0);
    }
}
