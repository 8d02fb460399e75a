package org.newsmonitor.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.feed.FeedListException;
import org.newsmonitor.ingest.feed.FeedListWatcher;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies edits of the feed list file to the feeds polled: added feeds are polled at once, edited ones are scheduled
 * anew with their new definition, removed ones stop. An edited list that cannot be read leaves the list in force and
 * is logged once per problem.
 */
final class FeedListReloader {
    // the ingester's console lines keep one name
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final FeedListWatcher watcher;
    private final List<FeedRuntime> feeds;
    private final FeedPoller poller;
    private final FeedScheduler scheduler;
    private final Optional<WebSubWiring> webSub;
    private String lastProblem;

    /**
     * @param feeds the feeds polled now, edited in place
     */
    FeedListReloader(FeedListWatcher watcher, List<FeedRuntime> feeds, FeedPoller poller, FeedScheduler scheduler,
            Optional<WebSubWiring> webSub) {
        this.watcher = watcher;
        this.feeds = feeds;
        this.poller = poller;
        this.scheduler = scheduler;
        this.webSub = webSub;
    }

    /** Reads the file again and applies it when it changed; runs on the scheduler thread. */
    void check() {
        Optional<List<FeedDefinition>> edited;
        try {
            edited = watcher.changed();
            lastProblem = null;
        } catch (FeedListException e) {
            if (!e.getMessage().equals(lastProblem)) {
                LOG.warn("Feed list edit not applied, the previous list stays in force: {}", e.getMessage());
                lastProblem = e.getMessage();
            }
            return;
        }
        edited.ifPresent(this::apply);
    }

    private void apply(List<FeedDefinition> definitions) {
        Map<String, FeedRuntime> current = new HashMap<>();
        feeds.forEach(f -> current.put(f.definition().id(), f));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (FeedDefinition d : definitions) {
            order.put(d.id(), order.size());
            FeedRuntime existing = current.remove(d.id());
            if (existing == null) {
                FeedRuntime f = new FeedRuntime(d);
                feeds.add(f);
                added.add(d.id());
                // learn what Kafka committed for a feed that was listed before, before publishing anything of it
                poller.markStale();
                scheduler.schedule(f, Duration.ZERO);
            } else if (!existing.definition().equals(d)) {
                changed.add(d.id());
                if (!existing.definition().url().equals(d.url())) {
                    // another URL is another topic: the next poll subscribes to what it advertises
                    webSub.ifPresent(w -> w.removed(d.id()));
                }
                scheduler.reschedule(existing, d);
            }
        }
        for (FeedRuntime gone : current.values()) {
            feeds.remove(gone);
            webSub.ifPresent(w -> w.removed(gone.definition().id()));
            scheduler.forget(gone.definition().id());
        }
        feeds.sort(Comparator.comparing(f -> order.get(f.definition().id())));
        LOG.info("Feed list {} edited: {} added {}, {} changed {}, {} removed {}", watcher.path(), added.size(), added,
                changed.size(), changed, current.size(), current.keySet());
    }
}
