package org.newsmonitor.ingest.state;

import java.util.Map;
import org.newsmonitor.contracts.event.FeedStateEvent;

/** The committed state of every feed; Kafka's compacted feed-state topic in production, memory in unit tests. */
public interface FeedStateStore {
    /**
     * The latest committed state of every feed.
     *
     * @return feed id to state; never null
     * @throws StateUnavailableException when the store cannot be read
     */
    Map<String, FeedStateEvent> readAll() throws StateUnavailableException;
}
