package org.newsmonitor.ingest.publish;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.newsmonitor.contracts.ClientSettings;

/** Producer properties of the ingester; pass-through client settings still win over these defaults. */
public final class ProducerSettings {
    /** Largest serialized article accepted; Kafka's default max.request.size is 1 MiB per request. */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    private ProducerSettings() {
    }

    /**
     * Transactional producer properties.
     *
     * @param kafka           how to reach Kafka; its producer defaults are idempotent, acks=all, lz4
     * @param clientId        client id for broker logs
     * @param transactionalId transactional id; a restart with the same id settles the previous instance's transaction
     * @param timeout         longest time a send, commit or metadata wait may block when Kafka is down
     * @return properties for a {@code KafkaProducer<String, byte[]>}
     */
    public static Properties transactional(ClientSettings kafka, String clientId, String transactionalId,
            Duration timeout) {
        Properties p = kafka.producer(clientId);
        long ms = Math.max(1000, timeout.toMillis());
        p.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // K1: when the broker is down, fail within the timeout instead of blocking a poller thread indefinitely
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(ms));
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        // must cover linger + request timeout; a batch not acknowledged by then fails and is fetched again next poll
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ms * 3));
        // an abandoned transaction (crash mid-commit) stops blocking read_committed readers after this
        p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(Math.max(60_000, ms * 6)));
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(1 << 20));
        return p;
    }
}
