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
    // polls at half the expected gap, at least every 20 min while an item is expected within 6 h: round numbers
    private final PollingPolicy policy = new PollingPolicy(0.5, Duration.ofMinutes(1), 30, 3, Duration.ofHours(3),
            Duration.ofMinutes(20), Duration.ofHours(6));

    @Test
    void shouldPollAFixedFeedOneIntervalAfterThePoll() {
        FeedDefinition fixed = feed(Duration.ofMinutes(15), null, null);
        PollDecision d = policy.afterSuccess(NOW, fixed, h(everyMinutes(1, 30)), CacheHints.NONE);
        assertThat(d.at()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(d.reason()).isEqualTo("fixed interval 15 min");
    }

    @Test
    void shouldPollAtAShareOfTheExpectedGap() {
        // Given an adaptive feed whose items came every 12 minutes, the last one just now, no hourly profile yet
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(3));
        // When
        PollDecision d = policy.afterSuccess(NOW, adaptive, h(everyMinutes(12, 20)), CacheHints.NONE);
        // Then it expects the next item in 12 minutes and polls at half that, and says why
        assertThat(d.interval()).isEqualTo(Duration.ofMinutes(6));
        assertThat(d.reason()).isEqualTo("adaptive: expected gap 12 min (median gap 12 min over 20 items)");
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
        assertThat(busy.reason())
                .isEqualTo("floor 5 min (adaptive: expected gap 2 min (median gap 2 min over 30 items))");
        PollDecision quiet = policy.afterSuccess(NOW, adaptive, h(everyMinutes(60 * 24, 10)), CacheHints.NONE);
        assertThat(quiet.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(quiet.reason())
                .isEqualTo("ceiling 60 min (adaptive: expected gap 24 h (median gap 24 h over 10 items))");
    }

    @Test
    void shouldPollAFeedExpectingAnItemWithinTheHorizonAtLeastEveryBusyCap() {
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(4));
        // Given a feed publishing hourly: half its gap (30 min) is longer than the busy cap (20 min)
        PollDecision hourly = policy.afterSuccess(NOW, adaptive, h(everyMinutes(60, 20)), CacheHints.NONE);
        assertThat(hourly.interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(hourly.reason())
                .isEqualTo("adaptive: busy cap 20 min, expected gap 60 min (median gap 60 min over 20 items)");
        // Given one publishing every 5 hours, within the 6-hour horizon, and one every 7 hours, beyond it
        PollDecision within = policy.afterSuccess(NOW, adaptive, h(everyMinutes(5 * 60, 20)), CacheHints.NONE);
        assertThat(within.interval()).isEqualTo(Duration.ofMinutes(20));
        PollDecision rare = policy.afterSuccess(NOW, adaptive, h(everyMinutes(7 * 60, 20)), CacheHints.NONE);
        assertThat(rare.interval()).isEqualTo(Duration.ofMinutes(210));
        assertThat(rare.reason()).isEqualTo("adaptive: expected gap 7 h (median gap 7 h over 20 items)");
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
                CacheHints.NONE).reason()).endsWith("expected gap 60 min (median gap 60 min over 4 items)");
    }

    @Test
    void shouldNeverPollSoonerThanMaxAgeCappedAtTheCeiling() {
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(2), Duration.ofHours(1));
        PollDecision d = policy.afterSuccess(NOW, adaptive, h(everyMinutes(6, 30)),
                new CacheHints(Duration.ofSeconds(600), null));
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(d.reason()).isEqualTo("max-age 600 s");
        PollDecision capped = policy.afterSuccess(NOW, adaptive, h(everyMinutes(6, 30)),
                new CacheHints(Duration.ofDays(1), null));
        assertThat(capped.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(capped.reason()).isEqualTo("max-age 86400 s (capped at 60 min)");
        PollDecision shorter = policy.afterSuccess(NOW, adaptive, h(everyMinutes(6, 30)),
                new CacheHints(Duration.ofSeconds(30), null));
        assertThat(shorter.interval()).isEqualTo(Duration.ofMinutes(3));
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
    void shouldExpectItemsFasterInBusyHoursAndSlowerInQuietOnesThanTheRecentGapsSay() {
        // Given a feed publishing every 10 minutes from 08:00 to 20:00 and hourly at night, whose profile is known
        PublicationHistory learnt = PublicationHistory.EMPTY;
        Instant firstDay = Instant.parse("2026-03-01T00:00:00Z");
        for (int d = 0; d < 3; d++) {
            List<Instant> items = new ArrayList<>();
            for (int m = 0; m < 24 * 60; m += 10) {
                boolean day = m >= 8 * 60 && m < 20 * 60;
                if (day || m % 60 == 0) {
                    items.add(firstDay.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(m)));
                }
            }
            learnt = policy.remember(learnt, items, items.get(items.size() - 1), ZoneId.of("UTC"));
        }
        FeedDefinition adaptive = feed(null, Duration.ofMinutes(1), Duration.ofHours(3));
        // When deciding at 08:00 after a night of hourly items, and at 21:00 after a day of items every 10 minutes
        Instant morning = Instant.parse("2026-03-04T08:00:00Z");
        List<Instant> night = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            night.add(morning.minus(Duration.ofHours(i)));
        }
        PollDecision busier = policy.afterSuccess(morning, adaptive, new PublicationHistory(night, learnt.hourly()),
                CacheHints.NONE);
        Instant evening = Instant.parse("2026-03-04T21:00:00Z");
        List<Instant> day = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            day.add(Instant.parse("2026-03-04T19:50:00Z").minus(Duration.ofMinutes(10L * i)));
        }
        PollDecision quieter = policy.afterSuccess(evening, adaptive, new PublicationHistory(day, learnt.hourly()),
                CacheHints.NONE);
        // Then the morning expects items sooner than the night's 60-minute gaps, and the evening later than the day's
        // 10-minute gaps, and both say so
        assertThat(busier.interval()).isLessThan(Duration.ofMinutes(30).dividedBy(2));
        assertThat(busier.reason()).contains("median gap 60 min over 12 items, this hour").contains("x as busy");
        assertThat(quieter.interval()).isGreaterThan(Duration.ofMinutes(5).multipliedBy(3));
        assertThat(quieter.reason()).contains("median gap 10 min over 30 items, this hour 0.");
        // And without a profile the same histories follow the median gap
        assertThat(policy.afterSuccess(morning, adaptive, h(night), CacheHints.NONE).interval())
                .isEqualTo(Duration.ofMinutes(20));
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
