package org.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.Validators;
import org.newsmonitor.contracts.testing.MutableClock;

class FeedRuntimeTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));

    private static FeedDefinition feed(String url, Duration interval) {
        return new FeedDefinition("wire", URI.create(url), "Wire", "en", List.of(), interval, ZoneId.of("UTC"));
    }

    private FeedRuntime polledOnce(Duration interval) {
        FeedRuntime runtime = new FeedRuntime(feed("https://wire.example/rss", interval));
        Instant now = clock.instant();
        runtime.succeeded(runtime.url(), new Validators("\"v1\"", null), List.of("a1"), now, PublicationHistory.EMPTY,
                new PollDecision(now.plus(interval), interval, "fixed interval"), 1);
        return runtime;
    }

    private static FeedDefinition adaptive(Duration floor, Duration ceiling) {
        return new FeedDefinition("wire", URI.create("https://wire.example/rss"), "Wire", "en", List.of(), null,
                ZoneId.of("UTC"), floor, ceiling);
    }

    @Test
    void shouldKeepThePollingPolicysDecisionWhileTheFeedListIsUnchanged() {
        //Given an adaptive feed whose policy chose 7 minutes at its last poll
        FeedRuntime runtime = new FeedRuntime(adaptive(Duration.ofMinutes(2), Duration.ofHours(3)));
        Instant now = clock.instant();
        runtime.succeeded(runtime.url(), Validators.NONE, List.of(), now, PublicationHistory.EMPTY,
                new PollDecision(now.plus(Duration.ofMinutes(7)), Duration.ofMinutes(7), "adaptive"), 0);
        //Then it is due when the policy said
        assertThat(runtime.dueAt(now)).isEqualTo(now.plus(Duration.ofMinutes(7)));
    }

    @Test
    void shouldKeepTheChosenIntervalWithinTheCeilingTheFeedListSaysNow() {
        //Given an adaptive feed whose policy chose 40 minutes
        FeedRuntime runtime = new FeedRuntime(adaptive(Duration.ofMinutes(2), Duration.ofHours(3)));
        Instant now = clock.instant();
        runtime.succeeded(runtime.url(), Validators.NONE, List.of(), now, PublicationHistory.EMPTY,
                new PollDecision(now.plus(Duration.ofMinutes(40)), Duration.ofMinutes(40), "adaptive"), 0);
        //When the feed list lowers its ceiling to 10 minutes
        runtime.redefine(adaptive(Duration.ofMinutes(2), Duration.ofMinutes(10)));
        //Then the next poll comes within the new ceiling
        assertThat(runtime.dueAt(now)).isEqualTo(now.plus(Duration.ofMinutes(10)));
    }

    @Test
    void shouldBeDueOneNewIntervalAfterTheLastSuccessWhenTheIntervalIsShortened() {
        //Given a feed polled now with an hourly interval: its next poll was set for an hour later
        FeedRuntime runtime = polledOnce(Duration.ofHours(1));
        Instant polledAt = clock.instant();
        //When the feed list says every five minutes, one minute later
        clock.advance(Duration.ofMinutes(1));
        runtime.redefine(feed("https://wire.example/rss", Duration.ofMinutes(5)));
        //Then the next decision uses the new interval
        assertThat(runtime.nextPollAt()).isEqualTo(polledAt.plus(Duration.ofHours(1)));
        assertThat(runtime.dueAt(clock.instant())).isEqualTo(polledAt.plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldBeDueAtOnceWhenTheNewIntervalHasAlreadyPassed() {
        FeedRuntime runtime = polledOnce(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(10));
        runtime.redefine(feed("https://wire.example/rss", Duration.ofMinutes(5)));
        assertThat(runtime.dueAt(clock.instant())).isEqualTo(clock.instant());
    }

    @Test
    void shouldWaitLongerWhenTheIntervalIsLengthened() {
        FeedRuntime runtime = polledOnce(Duration.ofMinutes(5));
        Instant polledAt = clock.instant();
        runtime.redefine(feed("https://wire.example/rss", Duration.ofHours(2)));
        assertThat(runtime.dueAt(clock.instant())).isEqualTo(polledAt.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldUseTheIntervalOfTheFeedListForAStateRestoredFromKafka() {
        //Given state committed by an earlier run with an hourly interval
        FeedRuntime runtime = new FeedRuntime(feed("https://wire.example/rss", Duration.ofSeconds(30)));
        Instant success = clock.instant().minus(Duration.ofMinutes(2));
        runtime.restore(new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, "wire", "https://wire.example/rss", null,
                null, List.of(), success, null, null, 0, success.plus(Duration.ofHours(1)), false));
        //Then the 30 s of the list apply: it is overdue now
        assertThat(runtime.dueAt(clock.instant())).isEqualTo(clock.instant());
    }

    @Test
    void shouldKeepTheBackoffOfAFailingFeedWhateverTheInterval() {
        FeedRuntime runtime = polledOnce(Duration.ofMinutes(5));
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(40));
        runtime.failed("HTTP 503", clock.instant(), new PollDecision(retryAt, Duration.ofMinutes(40), "backoff"), false);
        runtime.redefine(feed("https://wire.example/rss", Duration.ofMinutes(1)));
        assertThat(runtime.dueAt(clock.instant())).isEqualTo(retryAt);
    }

    @Test
    void shouldPollANewUrlWithoutTheOldValidators() {
        FeedRuntime runtime = polledOnce(Duration.ofMinutes(5));
        runtime.redefine(feed("https://other.example/rss", Duration.ofMinutes(5)));
        assertThat(runtime.url()).isEqualTo(URI.create("https://other.example/rss"));
        assertThat(runtime.validators()).isEqualTo(Validators.NONE);
    }

    @Test
    void shouldNotBeDueWhenDisabled() {
        FeedRuntime runtime = polledOnce(Duration.ofMinutes(5));
        runtime.failed("HTTP 410", clock.instant(), null, true);
        assertThat(runtime.dueAt(clock.instant())).isNull();
    }
}
