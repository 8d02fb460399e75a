package org.newsmonitor.broker;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the in-process broker.
 *
 * @param dataDir   where the broker keeps its log and metadata; created and formatted on first start
 * @param port      client listener port on 127.0.0.1-reachable addresses; 0 picks a free port
 * @param host      interface to listen on, e.g. "127.0.0.1" (default) or "0.0.0.0"
 * @param overrides extra broker properties, applied last; never null
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, String host, Map<String, String> overrides) {
    /** The default client port, as on any Kafka broker. */
    public static final int DEFAULT_PORT = 9092;

    public EmbeddedKafkaConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
    }

    /** A broker on 127.0.0.1 with the given data directory and port. */
    public static EmbeddedKafkaConfig of(Path dataDir, int port) {
        return new EmbeddedKafkaConfig(dataDir, port, "127.0.0.1", Map.of());
    }
}
