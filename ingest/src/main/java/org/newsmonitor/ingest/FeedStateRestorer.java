package org.newsmonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.poll.BackoffPolicy;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores every feed's state (URL, validators, seen ids, next poll time) from what Kafka committed, then schedules
 * the feeds' polls. While Kafka cannot be read, it tries again with the backoff after Kafka failures and says why.
 */
final class FeedStateRestorer {
    // the ingester's console lines keep one name
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final FeedStateStore store;
    private final List<FeedRuntime> feeds;
    private final FeedScheduler scheduler;
    private final BackoffPolicy backoff;
    private final Clock clock;
    private volatile boolean restored;
    private volatile String problem;

    FeedStateRestorer(FeedStateStore store, List<FeedRuntime> feeds, FeedScheduler scheduler, BackoffPolicy backoff,
            Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Restores now, or in the background once Kafka can be read. */
    void restore() {
        restore(1);
    }

    /** Records that there is nothing to restore: no feed is polled. */
    void nothingToRestore() {
        restored = true;
    }

    /** True once every feed's state is restored (or there was nothing to restore). */
    boolean restored() {
        return restored;
    }

    /** Why the last attempt failed while not restored yet; null otherwise. */
    String problem() {
        return problem;
    }

    private void restore(int attempt) {
        if (scheduler.stopped()) {
            return;
        }
        Map<String, FeedStateEvent> states;
        try {
            states = store.readAll();
        } catch (StateUnavailableException | RuntimeException e) {
            // unavailable Kafka, or a failure no record should cause (records that cannot be read are dead-lettered)
            problem = e.getMessage();
            Duration delay = backoff.afterKafkaFailure(attempt);
            if (attempt == 1) {
                LOG.warn("Cannot restore feed state yet: {}; polling starts once Kafka is reachable (retrying)",
                        e.getMessage());
            }
            scheduler.submit(() -> restore(attempt + 1), delay);
            return;
        }
        Instant now = clock.instant();
        int known = 0;
        for (FeedRuntime f : feeds) {
            FeedStateEvent state = states.get(f.definition().id());
            if (state != null) {
                f.restore(state);
                known++;
            }
        }
        restored = true;
        problem = null;
        LOG.info("Ingest: restored state of {} of {} feeds from Kafka", known, feeds.size());
        scheduler.scheduleAll(now);
    }
}
