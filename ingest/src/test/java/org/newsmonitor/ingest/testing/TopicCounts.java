package org.newsmonitor.ingest.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.ingest.state.TopicScanner;

/** Counts committed records per key on a topic, read with a read_committed consumer from the beginning. */
public final class TopicCounts {
    private TopicCounts() {
    }

    /** Records per key on {@code topic}; empty when Kafka cannot be read right now. */
    public static Map<String, Integer> perKey(ClientSettings kafka, String topic) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            TopicScanner.scan(kafka, topic, Duration.ofSeconds(20), (k, v) -> counts.merge(k, 1, Integer::sum));
        } catch (StateUnavailableException e) {
            return Map.of();
        }
        return counts;
    }

    /** Total committed records on {@code topic}. */
    public static int total(ClientSettings kafka, String topic) {
        return perKey(kafka, topic).values().stream().mapToInt(Integer::intValue).sum();
    }
}
