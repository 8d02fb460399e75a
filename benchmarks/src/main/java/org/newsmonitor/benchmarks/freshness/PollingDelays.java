package org.newsmonitor.benchmarks.freshness;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.CacheHints;
import org.newsmonitor.ingest.poll.PollDecision;
import org.newsmonitor.ingest.poll.PollingPolicy;
import org.newsmonitor.ingest.poll.PublicationHistory;

/**
 * The delay from publication to the first poll that sees an item, in virtual time: a feed publishing once per
 * {@code cadence} on average (one item at a random moment of each period, so that items do not line up with polls),
 * polled exactly as the ingester's {@link PollingPolicy} decides after each poll (the same calls the poller
 * makes: {@code remember}, then {@code afterSuccess}). Pure; no clock, no I/O.
 */
final class PollingDelays {
    private PollingDelays() {
    }

    /** An adaptive feed as the feed list gives it by default: 30 min to start, floor 2 min, ceiling 3 h. */
    static FeedDefinition defaultAdaptiveFeed() {
        return new FeedDefinition("minute-feed", URI.create("https://freshness.example/feed.xml"), "Minute feed", "en",
                List.of(), FeedDefinition.DEFAULT_INTERVAL, ZoneId.of("UTC"), FeedDefinition.DEFAULT_FLOOR,
                FeedDefinition.DEFAULT_CEILING);
    }

    /**
     * Delays of the items published after {@code warmUp}, for a feed publishing one item in each {@code cadence}
     * period during {@code span}, polled from its start.
     *
     * @param random where in its period each item appears
     * @return one delay per measured item, in publication order; never null
     */
    static List<Duration> simulate(PollingPolicy policy, FeedDefinition feed, Duration cadence, Duration span,
            Duration warmUp, Instant start, RandomGenerator random) {
        List<Instant> published = new ArrayList<>();
        for (Instant period = start; period.isBefore(start.plus(span)); period = period.plus(cadence)) {
            published.add(period.plusMillis(random.nextLong(cadence.toMillis())));
        }
        Instant measureFrom = start.plus(warmUp);
        List<Duration> delays = new ArrayList<>();
        PublicationHistory history = PublicationHistory.EMPTY;
        int next = 0;
        Instant poll = start;
        while (next < published.size()) {
            List<Instant> fresh = new ArrayList<>();
            while (next < published.size() && !published.get(next).isAfter(poll)) {
                Instant at = published.get(next++);
                fresh.add(at);
                if (!at.isBefore(measureFrom)) {
                    delays.add(Duration.between(at, poll));
                }
            }
            history = policy.remember(history, fresh, poll, feed.timeZone());
            PollDecision decision = policy.afterSuccess(poll, feed, history, CacheHints.NONE);
            poll = decision.at();
        }
        return delays;
    }
}
