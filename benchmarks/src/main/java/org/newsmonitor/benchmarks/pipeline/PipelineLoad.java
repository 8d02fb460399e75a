package org.newsmonitor.benchmarks.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.stream.StreamConfig;

/** Drives synthetic articles into the articles topic, flat out or at a fixed rate, and waits for the stream. */
final class PipelineLoad implements AutoCloseable {
    private final SyntheticArticles generator;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    PipelineLoad(ClientSettings kafka, SyntheticArticles generator) {
        this.generator = generator;
        this.producer = new KafkaProducer<>(kafka.producer("bench-load"), new StringSerializer(),
                new ByteArraySerializer());
        this.admin = Admin.create(kafka.admin());
    }

    /** Serialized articles with ids {@code prefix + n}, all published now, ready to send; never the same text twice. */
    List<ProducerRecord<String, byte[]>> prepare(String prefix, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return prepare(prefix, count, n -> now);
    }

    /** Serialized articles with ids {@code prefix + n}, article n published at {@code publishedAt(n)}. */
    List<ProducerRecord<String, byte[]>> prepare(String prefix, int count, IntFunction<Instant> publishedAt) {
        var serializer = Topics.ARTICLES.valueSerde().serializer();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            Instant time = publishedAt.apply(i);
            ArticleEvent article = generator.next(id, time);
            records.add(new ProducerRecord<>(Topics.ARTICLES.name(), null, time.toEpochMilli(), id,
                    serializer.serialize(Topics.ARTICLES.name(), article)));
        }
        return records;
    }

    /** Sends everything at once and measures until the stream has committed past the last article. */
    Throughput flatOut(List<ProducerRecord<String, byte[]>> records, AlertProbe probe, Duration timeout)
            throws Exception {
        long start = System.nanoTime();
        for (var record : records) {
            probe.sent(record.key());
            producer.send(record);
        }
        producer.flush();
        awaitStreamCaughtUp(timeout);
        return new Throughput(records.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Sends the records evenly spaced at the given rate; returns the achieved send rate. */
    double paced(List<ProducerRecord<String, byte[]>> records, AlertProbe probe, int perSecond) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            probe.sent(records.get(i).key());
            producer.send(records.get(i));
        }
        producer.flush();
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Waits until the stream application's committed offsets reach the end of the articles topic. */
    void awaitStreamCaughtUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    StreamConfig.DEFAULT_APPLICATION_ID).partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(Topics.ARTICLES.name())).allTopicNames().get()
                    .get(Topics.ARTICLES.name()).partitions();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(Topics.ARTICLES.name(), p.partition()),
                    OffsetSpec.latest()));
            var ends = admin.listOffsets(request).all().get();
            boolean caughtUp = ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
            });
            if (caughtUp) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("the stream did not catch up with the articles topic within " + timeout);
    }

    /** Partitions of the articles topic. */
    int articlePartitions() throws Exception {
        return admin.describeTopics(List.of(Topics.ARTICLES.name())).allTopicNames().get()
                .get(Topics.ARTICLES.name()).partitions().size();
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
