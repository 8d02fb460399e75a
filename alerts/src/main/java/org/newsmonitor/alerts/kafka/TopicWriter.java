package org.newsmonitor.alerts.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicSpec;

/** Writes records to any of the monitor's topics with one idempotent producer, and waits for the broker's ack. */
public final class TopicWriter implements AutoCloseable {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private final KafkaProducer<byte[], byte[]> producer;

    /**
     * @param settings how to reach Kafka
     * @param clientId client id of the producer
     */
    public TopicWriter(ClientSettings settings, String clientId) {
        var props = settings.producer(clientId);
        // an unreachable broker fails a write within the ack timeout instead of blocking a request thread for minutes
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Writes one record (value null = tombstone) and waits until Kafka acknowledged it.
     *
     * @throws IllegalStateException naming the topic and the reason when the write fails
     */
    public <V> void write(TopicSpec<V> topic, String key, V value, Headers headers) {
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value == null ? null : topic.valueSerde().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, k, v, headers))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot write to Kafka topic " + topic.name() + ": " + cause.getMessage(),
                    cause);
        }
    }

    /** Writes one record without headers and waits for the ack. */
    public <V> void write(TopicSpec<V> topic, String key, V value) {
        write(topic, key, value, null);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
