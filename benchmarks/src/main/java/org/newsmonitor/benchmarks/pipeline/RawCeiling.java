package org.newsmonitor.benchmarks.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsmonitor.contracts.ClientSettings;

/** The broker's ceiling: the same records produced to a plain topic and consumed back, with no processing. */
final class RawCeiling {
    private RawCeiling() {
    }

    /** Produces the values and consumes them back; the result counts from the first send to the last receipt. */
    static Throughput measure(ClientSettings kafka, String topic, int partitions, List<byte[]> keys,
            List<byte[]> values, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Properties consumerProps = kafka.consumer(topic);
        try (var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(kafka.producer(topic), new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.assignment().size() < partitions && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(50));
            }
            long start = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
            }
            producer.flush();
            int received = 0;
            while (received < values.size() && System.nanoTime() < deadline) {
                received += consumer.poll(Duration.ofMillis(100)).count();
            }
            return new Throughput(received, (System.nanoTime() - start) / 1e9);
        }
    }
}
