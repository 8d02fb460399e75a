package org.newsmonitor.contracts;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/**
 * A {@link DeadLetterSink} writing to {@code news-dead-letters} with its own producer, for readers that have none
 * (a Kafka Streams global store, a start-up scan of a compacted topic). The producer is created at the first dead
 * letter, so a reader that never meets a bad record costs no connection. Thread-safe.
 */
public final class DeadLetterProducer implements DeadLetterSink, AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final ClientSettings kafka;
    private final String clientId;
    private KafkaProducer<String, DeadLetterEvent> producer;
    private boolean closed;

    /**
     * @param kafka    how to reach Kafka
     * @param clientId the producer's client id
     */
    public DeadLetterProducer(ClientSettings kafka, String clientId) {
        this.kafka = kafka;
        this.clientId = clientId;
    }

    @Override
    public void publish(DeadLetterEvent event, Throwable error) {
        try {
            producer().send(DeadLetters.record(event, error)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot write a dead letter to " + Topics.DEAD_LETTERS.name() + " at "
                    + kafka.bootstrapServers() + ": " + DeadLetters.reason(cause), cause);
        }
    }

    private synchronized KafkaProducer<String, DeadLetterEvent> producer() {
        if (closed) {
            throw new IllegalStateException("The dead-letter producer " + clientId + " is closed");
        }
        if (producer == null) {
            var props = kafka.producer(clientId);
            // an unreachable broker fails a dead letter within seconds instead of blocking the reader for minutes
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
            props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
            producer = new KafkaProducer<>(props, new StringSerializer(), Topics.DEAD_LETTERS.valueSerde());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
