package org.newsmonitor.benchmarks.polling;

import java.time.Instant;
import java.util.List;
import org.newsmonitor.ingest.feed.FeedDefinition;

/**
 * One feed of the polling simulation: its definition (as a feed list would give it, adaptive), the host it is served
 * from, and the times it publishes, oldest first.
 *
 * @param definition   the feed as the feed list gives it
 * @param kind         what kind of publisher it models
 * @param host         host serving it (feeds may share one, and its hourly budget)
 * @param publications publication times, oldest first
 */
public record SimulatedFeed(FeedDefinition definition, Kind kind, String host, List<Instant> publications) {

    public SimulatedFeed {
        publications = List.copyOf(publications);
        for (int i = 1; i < publications.size(); i++) {
            if (publications.get(i).isBefore(publications.get(i - 1))) {
                throw new IllegalArgumentException("feed " + definition.id() + ": publications must be oldest first");
            }
        }
    }

    /** Kinds of publisher. */
    public enum Kind {
        /** News agency: every few minutes by day, a trickle at night, less at weekends. */
        WIRE,
        /** Newspaper: about hourly by day, nothing much at night, less at weekends. */
        NEWSPAPER,
        /** Think tank: a few pieces a week, in office hours on weekdays. */
        THINK_TANK
    }
}
