package org.newsmonitor.ingest.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code news-feed-state} topic (key: feed id, value: FeedStateEvent JSON) to its committed end;
 * the last record per key wins, a tombstone forgets the feed, an unreadable record is logged and skipped.
 */
public final class KafkaFeedStateStore implements FeedStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedStateStore.class);

    private final ClientSettings kafka;
    private final Duration timeout;

    /**
     * @param kafka   how to reach Kafka
     * @param timeout longest time a full read may take
     */
    public KafkaFeedStateStore(ClientSettings kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public Map<String, FeedStateEvent> readAll() throws StateUnavailableException {
        JsonSerde<FeedStateEvent> serde = Topics.FEED_STATE.valueSerde();
        Map<String, FeedStateEvent> states = new HashMap<>();
        TopicScanner.scan(kafka, Topics.FEED_STATE.name(), timeout, (key, value) -> {
            if (key == null) {
                return;
            }
            if (value == null) {
                states.remove(key);
                return;
            }
            try {
                states.put(key, serde.deserialize(Topics.FEED_STATE.name(), value));
            } catch (SerializationException e) {
                LOG.warn("Skipping unreadable feed state for {}: {}", key, e.getMessage());
            }
        });
        return states;
    }
}
