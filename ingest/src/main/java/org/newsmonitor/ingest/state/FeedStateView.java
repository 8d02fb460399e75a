package org.newsmonitor.ingest.state;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.FeedStateEvent;

/**
 * The latest state per feed, as read from the compacted {@code news-feed-state} topic: the last record per key wins
 * and a tombstone forgets the feed. A record that cannot be read, or whose key differs from its feed id, is
 * dead-lettered and leaves the feed's earlier state in place.
 */
final class FeedStateView {
    /** The stage named in dead letters of feed-state records that cannot be read. */
    static final String STAGE = "ingest.feed-state";

    private final TopicReader<FeedStateEvent> reader;
    private final Map<String, FeedStateEvent> states = new HashMap<>();

    /**
     * @param deadLetters where unreadable records go
     * @param clock       the time of dead letters
     */
    FeedStateView(DeadLetterSink deadLetters, Clock clock) {
        this.reader = new TopicReader<>(Topics.FEED_STATE, STAGE, deadLetters, clock);
    }

    /** Applies one record of the topic; never throws. */
    void apply(String key, byte[] value, int partition, long offset) {
        reader.read(key, value, partition, offset, (feedId, state) -> {
            if (state == null) {
                states.remove(feedId);
            } else {
                states.put(feedId, state);
            }
        });
    }

    /** Feed id to its latest state; never null. */
    Map<String, FeedStateEvent> states() {
        return states;
    }
}
