package org.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.feed.FeedDefinition;

class PollingPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    // the square-root rule with a 3-minute reference, for round numbers
    private final PollingPolicy policy = new PollingPolicy(Duration.ofMinutes(3), Duration.ofMinutes(1), 30, 3,
            Duration.ofHours(3), 0.5);

    @Test
    void shouldPollAFixedFeedOneIntervalAfterThePoll() {
        FeedDefinition fixed = feed(Duration.ofMinutes(15), null, null);
        PollDecision d = policy.afterSuccess(NOW, fixed, h(everyMinutes(1, 30)), CacheHints.NONE);
        assertThat(d.at()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(d.reason()).isEqualTo("fixed interval 15 min");
    }

    @Test
    void shouldFollowTheMedianGapWithTheSquareRootRule() {
        // Given an adaptive feed whose items came every 12 minutes, the last one just now
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(3));
        // When
        PollDecision d = policy.afterSuccess(NOW, adaptive, h(everyMinutes(12, 20)), CacheHints.NONE);
        // Then it is polled every sqrt(12 min x 3 min) = 6 min, and says why
        assertThat(d.interval()).isEqualTo(Duration.ofMinutes(6));
        assertThat(d.reason()).isEqualTo("adaptive: median gap 12 min over 20 items");
    }

    @Test
    void shouldIgnoreAnOutlierGap() {
        List<Instant> times = new ArrayList<>(everyMinutes(12, 20));
        times.add(0, times.get(0).minus(Duration.ofDays(30)));
        PollDecision d = policy.afterSuccess(NOW, feed(null, Duration.ofMinutes(2), Duration.ofHours(3)), h(times),
                CacheHints.NONE);
        assertThat(d.interval()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void shouldHoldTheIntervalAtTheFloorAndTheCeiling() {
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(5), Duration.ofHours(1));
        PollDecision busy = policy.afterSuccess(NOW, adaptive, h(everyMinutes(2, 30)), CacheHints.NONE);
        assertThat(busy.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(busy.reason()).isEqualTo("floor 5 min (adaptive: median gap 2 min over 30 items)");
        PollDecision quiet = policy.afterSuccess(NOW, adaptive, h(everyMinutes(60 * 24, 10)), CacheHints.NONE);
        assertThat(quiet.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(quiet.reason()).startsWith("ceiling 60 min (adaptive: median gap 24 h over 10 items)");
    }

    @Test
    void shouldSlowDownWhileTheFeedIsQuiet() {
        // Given a feed publishing every 4 minutes by day, silent for the last 8 hours
        List<Instant> day = everyMinutes(4, 30).stream().map(t -> t.minus(Duration.ofHours(8))).toList();
        PollDecision d = policy.afterSuccess(NOW, feed(null, Duration.ofMinutes(2), Duration.ofHours(3)), h(day),
                CacheHints.NONE);
        // Then the expected gap is half the silence: sqrt(4 h x 3 min) = 26 min
        assertThat(d.interval()).isEqualTo(Duration.ofMillis((long) Math.sqrt(4.0 * 3600_000 * 180_000)));
        assertThat(d.reason()).isEqualTo("adaptive: quiet for 8 h, median gap 4 min over 30 items");
    }

    @Test
    void shouldCountItemsWithinABurstAsOnePublication() {
        // Given ten items published at once, three times, an hour apart
        List<Instant> times = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 10; i++) {
                times.add(NOW.minus(Duration.ofHours(batch)).minusSeconds(i));
            }
        }
        PollDecision d = policy.afterSuccess(NOW, feed(null, Duration.ofMinutes(2), Duration.ofHours(3)), h(times),
                CacheHints.NONE);
        assertThat(d.reason()).startsWith("adaptive: starting interval 30 min (3 publications known, 4 needed)");
        times.add(NOW.minus(Duration.ofHours(3)));
        assertThat(policy.afterSuccess(NOW, feed(null, Duration.ofMinutes(2), Duration.ofHours(3)), h(times),
                CacheHints.NONE).reason()).isEqualTo("adaptive: median gap 60 min over 4 items");
    }

    @Test
    void shouldNeverPollSoonerThanMaxAgeCappedAtTheCeiling() {
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(1));
        PollDecision d = policy.afterSuccess(NOW, adaptive, h(everyMinutes(3, 30)),
                new CacheHints(Duration.ofSeconds(600), null));
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(d.reason()).isEqualTo("max-age 600 s");
        PollDecision capped = policy.afterSuccess(NOW, adaptive, h(everyMinutes(3, 30)),
                new CacheHints(Duration.ofDays(1), null));
        assertThat(capped.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(capped.reason()).isEqualTo("max-age 86400 s (capped at 60 min)");
        PollDecision shorter = policy.afterSuccess(NOW, adaptive, h(everyMinutes(3, 30)),
                new CacheHints(Duration.ofSeconds(30), null));
        assertThat(shorter.reason()).startsWith("adaptive:");
    }

    @Test
    void shouldHonourRetryAfterOnSuccessAndFailure() {
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(1));
        PollDecision d = policy.afterSuccess(NOW, adaptive, h(everyMinutes(3, 30)),
                new CacheHints(null, Duration.ofHours(2)));
        assertThat(d.at()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(d.reason()).isEqualTo("Retry-After until 2026-03-04T14:00:00Z");
        PollDecision failed = policy.afterFailure(NOW, Duration.ofMinutes(10), Duration.ofMinutes(10), 1);
        assertThat(failed.reason()).isEqualTo("Retry-After until 2026-03-04T12:10:00Z");
        assertThat(policy.afterFailure(NOW, Duration.ofMinutes(4), null, 3).reason())
                .isEqualTo("backoff after 3 failures");
    }

    @Test
    void shouldPollLessOftenInHoursTheProfileShowsAsQuiet() {
        // Given a feed publishing every 10 minutes from 08:00 to 20:00, whose profile is known
        PublicationHistory history = PublicationHistory.EMPTY;
        Instant day = Instant.parse("2026-03-01T08:00:00Z");
        for (int d = 0; d < 3; d++) {
            List<Instant> items = new ArrayList<>();
            for (int m = 0; m < 12 * 60; m += 10) {
                items.add(day.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(m)));
            }
            history = policy.remember(history, items, items.get(items.size() - 1), ZoneId.of("UTC"));
        }
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(1), Duration.ofHours(3));
        Instant noon = Instant.parse("2026-03-03T12:00:00Z");
        Instant night = Instant.parse("2026-03-03T21:00:00Z");
        List<Instant> recent = everyMinutes(10, 30).stream().map(t -> t.minus(Duration.between(noon, NOW))).toList();
        PublicationHistory atNoon = new PublicationHistory(recent, history.hourly());
        // When deciding at noon and at 21:00, an hour after its last item
        PollDecision busy = policy.afterSuccess(noon, adaptive, atNoon, CacheHints.NONE);
        PollDecision quiet = policy.afterSuccess(night, adaptive,
                new PublicationHistory(recent.stream().map(t -> t.plus(Duration.ofHours(8))).toList(),
                        history.hourly()), CacheHints.NONE);
        // Then noon follows the median gap, and 21:00 expects 8 times the gap (the least activity assumed)
        assertThat(busy.reason()).isEqualTo("adaptive: median gap 10 min over 30 items");
        assertThat(quiet.reason()).isEqualTo("adaptive: quiet hours, median gap 10 min over 30 items");
        assertThat(quiet.interval()).isEqualTo(Duration.ofMillis((long) Math.sqrt(80.0 * 60_000 * 180_000)));
    }

    @Test
    void shouldRememberABoundedSortedHistoryWithFutureDatesAsNow() {
        PublicationHistory previous = h(everyMinutes(1, 30));
        PublicationHistory kept = policy.remember(previous,
                List.of(NOW.plus(Duration.ofDays(2)), NOW.minusSeconds(30)), NOW, ZoneId.of("Asia/Shanghai"));
        // the future date counts as now, which was known already: one new time, so only the oldest makes room
        assertThat(kept.itemTimes()).hasSize(30).isSorted().endsWith(NOW.minusSeconds(30), NOW);
        assertThat(kept.itemTimes()).doesNotContain(previous.itemTimes().get(0)).contains(previous.itemTimes().get(1));
        // one item counted in the profile, in the feed's local hour (11:59:30 UTC is 19:59:30 in Shanghai)
        assertThat(kept.hourly().get(19)).isEqualTo(0.01);
        assertThat(kept.hourlyTotal()).isEqualTo(0.01);
    }

    private static PublicationHistory h(List<Instant> times) {
        return new PublicationHistory(times, null);
    }

    // n item times `minutes` apart, the last one at NOW
    private static List<Instant> everyMinutes(int minutes, int n) {
        List<Instant> times = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            times.add(NOW.minus(Duration.ofMinutes((long) minutes * i)));
        }
        return times;
    }

    private static FeedDefinition feed(Duration interval, Duration min, Duration max) {
        return new FeedDefinition("f", URI.create("https://news.example/rss"), "F", "en", List.of(), interval,
                ZoneId.of("UTC"), min, max);
    }
}
