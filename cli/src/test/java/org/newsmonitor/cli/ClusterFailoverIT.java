package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.AlertsConfig;
import org.newsmonitor.alerts.AlertsService;
import org.newsmonitor.broker.EmbeddedKafkaCluster;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.StreamService;
import org.newsmonitor.stream.ThemePublisher;

/**
 * Scale-out and failover on a real three-node cluster (replication 3, min.insync.replicas 2) with two instances of
 * the stream and alerts services: while articles flow, one broker and one stream instance stop, and every article
 * still yields its alert exactly once on news-alerts.
 */
class ClusterFailoverIT {
    private static final int BEFORE = 15;
    private static final int AFTER = 15;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryArticlesAlertExactlyOnceWhenABrokerAndAStreamInstanceStop() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        // Given a three-node cluster with two stream and two alerts instances
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(dir.resolve("kafka"), 3)) {
            ClientSettings kafka = ClientSettings.of(cluster.bootstrapServers());
            TopicCreator.ensure(kafka, Topics.ALL, (short) 3, 3);
            new ThemePublisher(kafka).publishBundled();
            List<AutoCloseable> services = new ArrayList<>();
            try {
                StreamService stream1 = stream(kafka, "s1");
                services.add(stream1);
                StreamService stream2 = stream(kafka, "s2");
                services.add(stream2);
                services.add(alerts(kafka, "a1", out));
                services.add(alerts(kafka, "a2", out));
                stream1.start();
                stream2.start();
                ((AlertsService) services.get(2)).start();
                ((AlertsService) services.get(3)).start();

                try (var producer = new KafkaProducer<>(kafka.producer("failover-it"), new StringSerializer(),
                        Topics.ARTICLES.valueSerde());
                     var consumer = alertsConsumer(kafka)) {
                    Map<String, List<AlertEvent>> alertsByArticle = new HashMap<>();
                    List<String> alertIds = new ArrayList<>();
                    Set<String> sent = new HashSet<>();
                    // When articles flow, then a broker and a stream instance stop, and more articles flow
                    send(producer, 0, BEFORE, sent);
                    awaitAlerts(consumer, alertsByArticle, alertIds, 5);
                    cluster.stop(1);
                    stream1.close();
                    send(producer, BEFORE, BEFORE + AFTER, sent);
                    awaitAlerts(consumer, alertsByArticle, alertIds, sent.size());
                    // Then every article has its alert, and no alert id appears twice
                    assertThat(alertsByArticle.keySet()).containsExactlyInAnyOrderElementsOf(sent);
                    drain(consumer, alertsByArticle, alertIds);
                    assertThat(alertIds).doesNotHaveDuplicates();
                    assertThat(alertsByArticle.values()).allSatisfy(list -> assertThat(list)
                            .extracting(AlertEvent::themeId).doesNotHaveDuplicates().contains("power-of-siberia"));
                }
            } finally {
                for (int i = services.size() - 1; i >= 0; i--) {
                    services.get(i).close();
                }
            }
        }
    }

    private StreamService stream(ClientSettings kafka, String name) {
        return new StreamService(StreamConfig.of(kafka, dir.resolve(name)).withReplicationFactor((short) 3));
    }

    private AlertsService alerts(ClientSettings kafka, String name, PrintStream out) {
        return new AlertsService(AlertsConfig.defaults(kafka, dir.resolve(name)).withHttp("127.0.0.1", 0)
                .withDefaultSubscription(true, out));
    }

    /** Articles on the Power of Siberia theme, each a different story (different wording) so none are clustered. */
    private static void send(KafkaProducer<String, ArticleEvent> producer, int from, int to, Set<String> sent)
            throws Exception {
        for (int i = from; i < to; i++) {
            Random words = new Random(1000 + i);
            StringBuilder filler = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                filler.append(' ').append(word(words));
            }
            Instant published = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * i);
            ArticleEvent article = ArticleEvent.of("failover-" + i, "failover-feed", "Failover Wire",
                    "https://failover.example/" + i, "Gazprom and CNPC discuss Power of Siberia 2, round " + word(words),
                    "Russian and Chinese negotiators met in Moscow and Beijing over gas for China." + filler, null, "en",
                    published, published, List.of());
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, published.toEpochMilli(), article.id(),
                    article)).get();
            sent.add(article.id());
        }
    }

    private static String word(Random random) {
        char[] letters = new char[5 + random.nextInt(4)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }

    private static KafkaConsumer<String, byte[]> alertsConsumer(ClientSettings kafka) {
        var consumer = new KafkaConsumer<>(kafka.consumer("failover-it-reader"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ALERTS.name()));
        return consumer;
    }

    private static void awaitAlerts(KafkaConsumer<String, byte[]> consumer, Map<String, List<AlertEvent>> byArticle,
            List<String> ids, int articles) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (byArticle.size() < articles && System.nanoTime() < deadline) {
            read(consumer, byArticle, ids, Duration.ofMillis(500));
        }
        assertThat(byArticle).as("articles with alerts within " + WAIT).hasSizeGreaterThanOrEqualTo(articles);
    }

    /** Reads for a few more seconds so that late duplicates, if any, would be seen. */
    private static void drain(KafkaConsumer<String, byte[]> consumer, Map<String, List<AlertEvent>> byArticle,
            List<String> ids) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            read(consumer, byArticle, ids, Duration.ofMillis(500));
        }
    }

    private static void read(KafkaConsumer<String, byte[]> consumer, Map<String, List<AlertEvent>> byArticle,
            List<String> ids, Duration poll) {
        var serde = Topics.ALERTS.valueSerde();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(poll)) {
            AlertEvent alert = serde.deserialize(r.topic(), r.value());
            if (alert.articleId() != null && alert.articleId().startsWith("failover-")) {
                byArticle.computeIfAbsent(alert.articleId(), k -> new ArrayList<>()).add(alert);
                ids.add(alert.alertId());
            }
        }
    }
}
