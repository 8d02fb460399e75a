package org.newsmonitor.contracts;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every service reaches Kafka: the bootstrap servers plus pass-through client settings (TLS, SASL, timeouts),
 * e.g. from {@code KAFKA_SECURITY_PROTOCOL} or {@code --kafka-property security.protocol=SSL}.
 * Pass-through settings win over our defaults.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param overrides        client properties applied to every client; never null
 */
public record ClientSettings(String bootstrapServers, Map<String, String> overrides) {

    public ClientSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        overrides = Map.copyOf(new TreeMap<>(overrides == null ? Map.of() : overrides));
    }

    /** Settings with no overrides. */
    public static ClientSettings of(String bootstrapServers) {
        return new ClientSettings(bootstrapServers, Map.of());
    }

    /** Properties shared by all clients: bootstrap servers plus overrides. */
    public Properties common() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(overrides);
        return p;
    }

    /** Producer batch size in bytes: room for about 80 articles per partition and request. */
    public static final int BATCH_BYTES = 256 * 1024;

    /** Admin client properties. */
    public Properties admin() {
        return common();
    }

    /**
     * Producer properties: idempotent, acks=all, compressed. Keys and values are raw bytes unless the caller
     * passes serializers to the producer constructor.
     */
    public Properties producer(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // no loss, no duplicates on retry
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a short linger batches bursts from one feed without adding visible latency
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // an article is about 3 KB: the 16 KiB default batch holds five and caps a busy producer near 4,000/s
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_BYTES));
        p.putAll(common());
        return p;
    }

    /** Consumer properties for a group that commits offsets itself and reads only committed transactions. */
    public Properties consumer(String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // alerts are latency-sensitive: do not let an idle fetch sit for the 500 ms default
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.putAll(common());
        return p;
    }
}
