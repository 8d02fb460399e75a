package org.newsmonitor.benchmarks.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.newsmonitor.alerts.AlertsConfig;
import org.newsmonitor.alerts.AlertsService;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.cli.KafkaOptions;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.StreamService;
import org.newsmonitor.stream.ThemePublisher;

/**
 * A fresh embedded broker with the monitor's topics, and on demand the stream and alerts services as {@code run}
 * starts them (bundled themes, default subscription), with the alert console silenced.
 */
final class BenchPipeline implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dataDir;
    private final ClientSettings kafka;

    private BenchPipeline(Path dataDir, EmbeddedKafka broker) {
        this.dataDir = dataDir;
        this.started.push(broker);
        // KAFKA_CLIENT_* variables reach every client, as in the other commands: for trying client settings
        this.kafka = new ClientSettings(broker.bootstrapServers(), KafkaOptions.fromEnvironment(System.getenv()));
    }

    /** Starts the broker in {@code dataDir} and creates the monitor's topics. */
    static BenchPipeline startBroker(Path dataDir) {
        EmbeddedKafka broker = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir.resolve("kafka"), 0, "127.0.0.1",
                Map.of()));
        BenchPipeline pipeline = new BenchPipeline(dataDir, broker);
        TopicCreator.ensure(pipeline.kafka, Topics.ALL, (short) 1, 0);
        return pipeline;
    }

    /** Publishes the bundled themes and starts the stream and alerts services. */
    void startServices() {
        new ThemePublisher(kafka).publishBundled();
        StreamService stream = new StreamService(StreamConfig.fromEnv(System.getenv(), kafka,
                dataDir.resolve("streams")));
        started.push(stream);
        stream.start();
        AlertsService alerts = new AlertsService(AlertsConfig.fromEnv(System.getenv(), kafka,
                dataDir.resolve("alerts")).withHttp("127.0.0.1", 0).withApiKeys(Map.of("bench", "bench-key-12345678"))
                .withDefaultSubscription(true, new PrintStream(OutputStream.nullOutputStream())));
        started.push(alerts);
        alerts.start();
    }

    /** The broker's client settings. */
    ClientSettings kafka() {
        return kafka;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("bench: shutdown: " + e);
            }
        }
    }
}
