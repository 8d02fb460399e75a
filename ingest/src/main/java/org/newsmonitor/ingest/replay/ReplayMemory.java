package org.newsmonitor.ingest.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.state.PublishedIdIndex;
import org.newsmonitor.ingest.state.SeenIds;

/**
 * What replays have already published, from two sources: the keys on {@code news-articles}, and per-feed lists of
 * replayed ids kept on the compacted {@code news-feed-state} topic under the key {@value #KEY_PREFIX}feedId. The
 * second source matters because the articles topic deletes by record time (publication time): history older than its
 * retention disappears from it within minutes, while the compacted state keeps the newest {@value #MAX_IDS_PER_FEED}
 * replayed ids of each feed. The ids of live feeds' state are included too.
 */
final class ReplayMemory {
    /** Key prefix of replay state records; ':' cannot occur in a live feed id. */
    static final String KEY_PREFIX = "replay:";
    /** Replayed ids remembered per feed on the state topic (about 37 bytes each). */
    static final int MAX_IDS_PER_FEED = 10_000;

    private final PublishedIdIndex published;
    private final Map<String, List<String>> replayed;

    private ReplayMemory(PublishedIdIndex published, Map<String, List<String>> replayed) {
        this.published = published;
        this.replayed = replayed;
    }

    /**
     * Combines the ids found on the articles topic with every id remembered on the feed-state topic.
     *
     * @param fromArticles ids on the articles topic
     * @param states       the committed feed states, live and replay
     * @return the memory; never null
     */
    static ReplayMemory of(PublishedIdIndex fromArticles, Map<String, FeedStateEvent> states) {
        Map<String, List<String>> replayed = new HashMap<>();
        for (Map.Entry<String, FeedStateEvent> e : states.entrySet()) {
            e.getValue().seenIds().forEach(fromArticles::add);
            if (e.getKey().startsWith(KEY_PREFIX)) {
                replayed.put(e.getKey().substring(KEY_PREFIX.length()), new ArrayList<>(e.getValue().seenIds()));
            }
        }
        return new ReplayMemory(fromArticles, replayed);
    }

    /** Records {@code id} as seen in this replay; false when it was published before or already seen. */
    boolean add(String id) {
        return published.add(id);
    }

    /**
     * The replay state records to commit with {@code batch}, remembering its ids per feed.
     *
     * @param batch articles about to be published
     * @param now   the time of the replay
     * @return one state record per feed in the batch
     */
    List<FeedStateEvent> remember(List<MappedArticle> batch, Instant now) {
        Map<String, List<String>> byFeed = new LinkedHashMap<>();
        for (MappedArticle a : batch) {
            byFeed.computeIfAbsent(a.event().feedId(), f -> new ArrayList<>()).add(a.event().id());
        }
        List<FeedStateEvent> states = new ArrayList<>(byFeed.size());
        for (Map.Entry<String, List<String>> e : byFeed.entrySet()) {
            List<String> merged = SeenIds.merge(replayed.getOrDefault(e.getKey(), List.of()), e.getValue(),
                    MAX_IDS_PER_FEED);
            if (merged.size() > MAX_IDS_PER_FEED) {
                merged = merged.subList(merged.size() - MAX_IDS_PER_FEED, merged.size());
            }
            replayed.put(e.getKey(), merged);
            states.add(new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, KEY_PREFIX + e.getKey(),
                    KEY_PREFIX + e.getKey(), null, null, merged, now, null, null, 0, null, false));
        }
        return states;
    }
}
