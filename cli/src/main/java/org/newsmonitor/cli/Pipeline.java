package org.newsmonitor.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.newsmonitor.alerts.AlertsConfig;
import org.newsmonitor.alerts.AlertsService;
import org.newsmonitor.broker.EmbeddedKafka;
import org.newsmonitor.broker.EmbeddedKafkaConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.IngestService;
import org.newsmonitor.ingest.replay.ReplayOptions;
import org.newsmonitor.ingest.replay.ReplaySummary;
import org.newsmonitor.ingest.replay.Replayer;
import org.newsmonitor.ingest.replay.SampleArchive;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.stream.PublishReport;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.StreamService;
import org.newsmonitor.stream.ThemePublisher;

/**
 * The whole monitor in one process: the embedded broker when no cluster is configured, the topics, the theme
 * catalog, and the stream, alerts and ingest services; closed in reverse order of starting.
 */
final class Pipeline implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrintStream console;
    private ClientSettings kafka;
    private AlertsService alerts;
    private StreamService stream;
    private IngestConfig ingestConfig;
    private Thread sampleReplay;
    private boolean closed;

    /** An unstarted pipeline; {@link #startAll} starts it, {@link #close} stops whatever has started. */
    Pipeline(PrintStream console) {
        this.console = console;
    }

    /**
     * Starts everything, printing one line per step. On failure, stops what had started and rethrows with a
     * one-line message.
     */
    static Pipeline start(PipelineSettings settings, PrintStream console) {
        Pipeline pipeline = new Pipeline(console);
        try {
            pipeline.startAll(settings);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /**
     * Starts everything in order. May be interrupted by {@link #close} from another thread (Ctrl-C during
     * start-up): each step checks first, so that nothing starts after the pipeline was closed.
     */
    void startAll(PipelineSettings s) {
        // checked before anything starts: hubs call back on the ingest listener
        org.newsmonitor.ingest.websub.WebSubSettings webSub =
                org.newsmonitor.ingest.websub.WebSubSettings.fromEnv(System.getenv());
        String listenerPort = System.getenv("MONITOR_INGEST_HTTP_PORT");
        if (webSub.enabled() && (listenerPort == null || listenerPort.isBlank())) {
            throw new IllegalArgumentException("MONITOR_WEBSUB_CALLBACK needs MONITOR_INGEST_HTTP_PORT: hubs call back "
                    + "on the ingest listener");
        }
        short replication = s.replicationFactor();
        if (s.kafka() == null) {
            EmbeddedKafka broker = EmbeddedKafka.start(new EmbeddedKafkaConfig(s.dataDir().resolve("kafka"),
                    s.kafkaPort(), s.kafkaHost(), Map.of()));
            track(broker);
            kafka = ClientSettings.of(broker.bootstrapServers());
            console.println("Kafka: embedded broker at " + broker.bootstrapServers() + ", data in "
                    + broker.dataDir().toAbsolutePath().normalize());
            replication = 1;
        } else {
            kafka = s.kafka();
            console.println("Kafka: cluster at " + kafka.bootstrapServers());
        }
        if (replication <= 0) {
            replication = replicationFor(kafka);
        }
        var created = TopicCreator.ensure(kafka, Topics.ALL, replication, s.partitions());
        console.println("Topics: " + Topics.ALL.size() + " ready" + (created.isEmpty() ? "" : ", created " + created));

        ThemePublisher publisher = new ThemePublisher(kafka);
        PublishReport themes = s.themes() == null ? publisher.publishBundled() : publisher.publish(s.themes());
        console.println("Themes: " + themes.published().size() + " published, " + themes.unchanged().size()
                + " unchanged" + (themes.refused().isEmpty() ? "" : ", " + themes.refused().size() + " refused:"));
        themes.refused().forEach(line -> console.println("  " + line));

        stream = new StreamService(StreamConfig.fromEnv(System.getenv(), kafka,
                s.dataDir().resolve("streams")).withReplicationFactor(replication));
        track(stream);
        stream.start();
        console.println("Stream: matching articles against themes (" + StreamConfig.DEFAULT_APPLICATION_ID + ")");

        AlertsConfig alertsConfig = AlertsConfig.fromEnv(System.getenv(), kafka, s.dataDir().resolve("alerts"))
                .withHttp(s.httpHost(), s.httpPort())
                .withApiKeys(s.apiKeys())
                .withDefaultSubscription(true, console);
        alerts = new AlertsService(alertsConfig);
        alerts.watch(stream.health());
        track(alerts);
        alerts.start();
        String base = "http://" + (s.httpHost().equals("0.0.0.0") ? "localhost" : s.httpHost()) + ":" + alerts.httpPort();
        console.println("Alerts: dashboard " + base + "/  alerts " + base + "/alerts  API " + base + "/subscriptions");

        ingestConfig = IngestConfig.defaults(kafka)
                .withFeedList(s.feedList())
                .withPollLiveFeeds(s.pollLiveFeeds())
                .withSsrf(AddressAllowList.of(s.feedAllow()))
                .withFullText(FeedOptions.fullText(s.fullText()));
        String feedHealthPort = System.getenv("MONITOR_INGEST_HTTP_PORT");
        IngestService ingest = new IngestService(ingestConfig, webSub);
        track(ingest);
        ingest.start();
        alerts.addCheck("ingest", ingest::serviceHealth);
        if (feedHealthPort != null && !feedHealthPort.isBlank()) {
            org.newsmonitor.ingest.FeedHealthServer feedHealth;
            try {
                feedHealth = org.newsmonitor.ingest.FeedHealthServer.start(s.httpHost(),
                        Integer.parseInt(feedHealthPort.strip()), ingest::health, ingest.webSubCallback());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MONITOR_INGEST_HTTP_PORT must be a port number, was '"
                        + feedHealthPort + "'");
            }
            track(feedHealth);
            console.println("Ingest: feed health at http://" + s.httpHost() + ":" + feedHealth.port() + "/feeds");
        }
        console.println("Ingest: " + (s.pollLiveFeeds() ? "polling " + ingest.feeds().size() + " feeds"
                : "live feeds off"));

        if (s.replaySamples()) {
            replaySamplesInBackground(s.dataDir().resolve("samples"));
        }
    }

    private void replaySamplesInBackground(Path dir) {
        sampleReplay = new Thread(() -> {
            try {
                ReplaySummary summary = new Replayer(ingestConfig).replay(SampleArchive.extract(dir),
                        ReplayOptions.defaults());
                console.println("Samples: " + summary.published() + " articles published, "
                        + summary.duplicatesSkipped() + " already known, " + summary.failures().size() + " failed");
                summary.failures().forEach(f -> console.println("  " + f.path() + ": " + f.reason()));
            } catch (RuntimeException e) {
                console.println("Samples: replay failed: " + OneLineErrors.describe(e));
            }
        }, "sample-replay");
        sampleReplay.setDaemon(true);
        sampleReplay.start();
    }

    /**
     * Why a service has failed for good (a Kafka Streams application in ERROR, global thread included, or a
     * reader or consumer stopped), or null while all run; a failed service does not recover without a restart.
     */
    String failure() {
        StreamService s = stream;
        if (s != null && s.health().failure() != null) {
            return "stream: " + s.health().failure();
        }
        AlertsService a = alerts;
        return a == null ? null : a.failure();
    }

    /** The cluster the services use; never null once started. */
    ClientSettings kafka() {
        return kafka;
    }

    /** The port of the alerts API and dashboard. */
    int httpPort() {
        return alerts.httpPort();
    }

    /** Waits up to {@code timeout} for the sample replay to finish; true when it has. */
    boolean awaitSamples(Duration timeout) throws InterruptedException {
        if (sampleReplay == null) {
            return true;
        }
        sampleReplay.join(timeout.toMillis());
        return !sampleReplay.isAlive();
    }

    /** Replication for a cluster: 3 where there are at least 3 brokers, otherwise as many as there are. */
    static short replicationFor(ClientSettings kafka) {
        try (Admin admin = Admin.create(kafka.admin())) {
            int nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            return (short) Math.max(1, Math.min(3, nodes));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach Kafka at " + kafka.bootstrapServers() + ": "
                    + OneLineErrors.describe(e), e);
        }
    }

    private synchronized void track(AutoCloseable service) {
        if (closed) {
            try {
                service.close();
            } catch (Exception e) {
                console.println("Shutdown: " + OneLineErrors.describe(e));
            }
            throw new IllegalStateException("stopped during start-up");
        }
        started.push(service);
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                console.println("Shutdown: " + next.getClass().getSimpleName() + ": " + OneLineErrors.describe(e));
            }
        }
    }
}
