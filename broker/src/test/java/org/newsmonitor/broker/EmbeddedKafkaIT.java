package org.newsmonitor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;

class EmbeddedKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsRecordsAndOffsetsAcrossRestartOnTheSameDataDirectory() throws Exception {
        int port;
        // Given a broker that received records and a consumer group that committed half of them
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir, 0))) {
            port = kafka.port();
            ClientSettings settings = ClientSettings.of(kafka.bootstrapServers());
            assertThat(TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0)).contains(Topics.ARTICLES.name());
            try (var producer = new KafkaProducer<>(settings.producer("it"), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), 0, "k" + i, "v" + i)).get();
                }
            }
            try (var consumer = consumer(settings)) {
                List<String> first = poll(consumer, 4);
                assertThat(first).containsExactly("v0", "v1", "v2", "v3");
                consumer.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(Topics.ARTICLES.name(), 0),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(2)));
            }
        }
        // When the broker starts again on the same directory and port
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir, port))) {
            ClientSettings settings = ClientSettings.of(kafka.bootstrapServers());
            // Then the topics exist already and the group resumes after its committed offset
            assertThat(TopicCreator.ensure(settings, Topics.ALL, (short) 1, 0)).isEmpty();
            try (var consumer = consumer(settings)) {
                assertThat(poll(consumer, 2)).containsExactly("v2", "v3");
            }
        }
    }

    @Test
    void shouldRefuseAPortInUseWithAMessageNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafkaConfig.of(dataDir.resolve("b"), port)))
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void shouldRefuseAnUnwritableDataDirectoryWithAMessageNamingIt() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafkaConfig.of(file, 0)))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("not-a-directory");
    }

    private static KafkaConsumer<String, String> consumer(ClientSettings settings) {
        Properties p = settings.consumer("restart-check");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ARTICLES.name()));
        return consumer;
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
