package org.newsmonitor.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;

/**
 * Reads the alerts topic (committed records only) on its own thread and records, per article, the time from the
 * producer's send to the first alert about it.
 */
final class AlertProbe implements AutoCloseable {
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Double> latencyMillis = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final KafkaConsumer<String, byte[]> consumer;

    AlertProbe(ClientSettings kafka) {
        consumer = new KafkaConsumer<>(kafka.consumer("bench-alert-probe"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        thread = new Thread(this::readAlerts, "bench-alert-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes that the article was handed to the producer now. */
    void sent(String articleId) {
        sentNanos.put(articleId, System.nanoTime());
    }

    /** Latencies of the first alerts about articles whose id starts with the prefix. */
    List<Double> latencies(String idPrefix) {
        List<Double> out = new ArrayList<>();
        latencyMillis.forEach((id, ms) -> {
            if (id.startsWith(idPrefix)) {
                out.add(ms);
            }
        });
        return out;
    }

    /** Articles with the prefix that have had an alert so far. */
    int alerted(String idPrefix) {
        return (int) latencyMillis.keySet().stream().filter(id -> id.startsWith(idPrefix)).count();
    }

    private void readAlerts() {
        var serde = Topics.ALERTS.valueSerde();
        while (running.get()) {
            var records = consumer.poll(Duration.ofMillis(50));
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> r : records) {
                AlertEvent alert = serde.deserialize(r.topic(), r.value());
                Long sent = alert.articleId() == null ? null : sentNanos.get(alert.articleId());
                if (sent != null) {
                    latencyMillis.putIfAbsent(alert.articleId(), (now - sent) / 1e6);
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
