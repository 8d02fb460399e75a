package org.newsmonitor.ingest.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetterProducer;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.FeedStateEvent;

/**
 * Reads the compacted {@code news-feed-state} topic (key: feed id, value: FeedStateEvent JSON) to its committed end;
 * the last record per key wins, a tombstone forgets the feed; a record that cannot be read, or whose key differs
 * from its feed id, is dead-lettered to {@code news-dead-letters} and skipped (see {@link FeedStateView}).
 */
public final class KafkaFeedStateStore implements FeedStateStore {
    private final ClientSettings kafka;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();

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
        try (DeadLetterProducer deadLetters = new DeadLetterProducer(kafka, "news-monitor-ingest-feed-state")) {
            FeedStateView view = new FeedStateView(deadLetters, clock);
            TopicScanner.scanRecords(kafka, Topics.FEED_STATE.name(), timeout,
                    r -> view.apply(r.key(), r.value(), r.partition(), r.offset()));
            return view.states();
        }
    }
}
