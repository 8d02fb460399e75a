package org.newsmonitor.benchmarks.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.CacheHints;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.poll.PollDecision;
import org.newsmonitor.ingest.poll.PollingPolicy;
import org.newsmonitor.ingest.poll.PublicationHistory;

/**
 * Polls simulated feeds in virtual time with the production {@link PollingPolicy} and {@link HostLimiter}: each poll
 * is one request (refused polls over a host's hourly budget wait for the next slot and cost nothing), and fetches
 * every item published since the previous poll that is still in the feed's document (its latest
 * {@code documentSize} items; older ones are missed). Polls and items before {@code measureFrom} only warm the feeds'
 * histories up; delays and requests are counted from then to the end.
 */
public final class PollingSimulation {
    private final PollingPolicy policy;
    private final int hostRequestsPerHour;
    private final int documentSize;

    /**
     * @param policy              the policy deciding every next poll
     * @param hostRequestsPerHour requests per host in any hour
     * @param documentSize        items a feed document holds
     */
    public PollingSimulation(PollingPolicy policy, int hostRequestsPerHour, int documentSize) {
        this.policy = policy;
        this.hostRequestsPerHour = hostRequestsPerHour;
        this.documentSize = documentSize;
    }

    /**
     * Runs one strategy.
     *
     * @param feeds       the feeds
     * @param schedule    the definition each feed is polled with (e.g. its own, or a fixed 15-minute one)
     * @param start       when polling starts
     * @param measureFrom when counting starts
     * @param end         when the simulation ends
     * @param spread      each feed's first poll falls at random within this much after {@code start}
     * @param seed        seed of the first polls' spread
     * @return what was measured; never null
     */
    public SimulationResult run(List<SimulatedFeed> feeds, Function<SimulatedFeed, FeedDefinition> schedule,
            Instant start, Instant measureFrom, Instant end, Duration spread, long seed) {
        HostLimiter hosts = new HostLimiter(Integer.MAX_VALUE, hostRequestsPerHour);
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Poller> due = new PriorityQueue<>((a, b) -> a.nextPoll.compareTo(b.nextPoll));
        for (SimulatedFeed feed : feeds) {
            long offset = spread.isZero() ? 0 : random.nextLong(spread.toMillis());
            due.add(new Poller(feed, schedule.apply(feed), start.plusMillis(offset)));
        }
        List<Long> delays = new ArrayList<>();
        long requests = 0;
        java.util.Map<SimulatedFeed.Kind, Long> byKind = new java.util.EnumMap<>(SimulatedFeed.Kind.class);
        long missed = 0;
        while (!due.isEmpty() && due.peek().nextPoll.isBefore(end)) {
            Poller p = due.poll();
            Instant now = p.nextPoll;
            Instant freeAt = hosts.spend(p.feed.host(), now);
            if (freeAt != null) {
                p.nextPoll = freeAt;
                due.add(p);
                continue;
            }
            boolean counted = !now.isBefore(measureFrom);
            if (counted) {
                requests++;
                byKind.merge(p.feed.kind(), 1L, Long::sum);
            }
            List<Instant> fresh = new ArrayList<>();
            List<Instant> all = p.feed.publications();
            int newest = p.fetched;
            while (newest < all.size() && !all.get(newest).isAfter(now)) {
                newest++;
            }
            int oldestInDocument = Math.max(0, newest - documentSize);
            for (int i = p.fetched; i < newest; i++) {
                Instant published = all.get(i);
                boolean measured = !published.isBefore(measureFrom);
                if (i < oldestInDocument) {
                    missed += measured ? 1 : 0;
                    continue;
                }
                fresh.add(published);
                if (measured) {
                    delays.add(Duration.between(published, now).toMillis());
                }
            }
            p.fetched = newest;
            p.history = policy.remember(p.history, fresh, now, p.definition.timeZone());
            PollDecision decision = policy.afterSuccess(now, p.definition, p.history, CacheHints.NONE);
            p.nextPoll = decision.at();
            due.add(p);
        }
        long unfetched = 0;
        for (Poller p : due) {
            for (int i = p.fetched; i < p.feed.publications().size(); i++) {
                Instant published = p.feed.publications().get(i);
                if (!published.isBefore(measureFrom) && published.isBefore(end)) {
                    unfetched++;
                }
            }
        }
        return new SimulationResult(delays, requests, byKind, missed, unfetched, Duration.between(measureFrom, end));
    }

    /** One feed's polling state. */
    private static final class Poller {
        final SimulatedFeed feed;
        final FeedDefinition definition;
        Instant nextPoll;
        int fetched;
        PublicationHistory history = PublicationHistory.EMPTY;

        Poller(SimulatedFeed feed, FeedDefinition definition, Instant first) {
            this.feed = feed;
            this.definition = definition;
            this.nextPoll = first;
        }
    }
}
