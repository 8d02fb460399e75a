package org.newsmonitor.ingest.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsmonitor.contracts.ClientSettings;

/**
 * Reads a whole topic from the beginning to its last committed offset, without a consumer group (nothing is
 * committed). Used to restore state from compacted topics and to collect the ids already published.
 */
public final class TopicScanner {
    /** Receives each record of the scan. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(String key, byte[] value);
    }

    private TopicScanner() {
    }

    /**
     * Scans {@code topic}.
     *
     * @param kafka   how to reach Kafka
     * @param topic   the topic to read
     * @param timeout longest time the whole scan may take
     * @param sink    receives every committed record in partition order
     * @return number of records read
     * @throws StateUnavailableException when Kafka cannot be read within {@code timeout}
     */
    public static long scan(ClientSettings kafka, String topic, Duration timeout, RecordSink sink)
            throws StateUnavailableException {
        return scanRecords(kafka, topic, timeout, r -> sink.accept(r.key(), r.value()));
    }

    /**
     * Scans {@code topic}, handing on whole records (with partition and offset, for dead letters).
     *
     * @see #scan(ClientSettings, String, Duration, RecordSink)
     */
    public static long scanRecords(ClientSettings kafka, String topic, Duration timeout,
            Consumer<ConsumerRecord<String, byte[]>> sink) throws StateUnavailableException {
        Properties p = kafka.consumer("unused");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "news-monitor-ingest-scan-" + topic);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis())));
        p.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis())));
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new StateUnavailableException("Reading " + topic + " from Kafka at " + kafka.bootstrapServers()
                            + " did not finish within " + timeout.toSeconds() + " s", null);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    sink.accept(r);
                    count++;
                }
            }
            return count;
        } catch (KafkaException e) {
            throw new StateUnavailableException("Cannot read " + topic + " from Kafka at " + kafka.bootstrapServers()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
