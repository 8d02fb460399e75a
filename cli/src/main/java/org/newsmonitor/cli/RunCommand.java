package org.newsmonitor.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor run`: the whole monitor in one process until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole monitor in one process until Ctrl-C.",
            "A real Kafka broker in this JVM (unless --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS names a cluster), "
                    + "ingest (the bundled sample archive and live feeds), stream and alerts."})
final class RunCommand implements Callable<Integer> {
    /** Exit status when a service failed for good while running. */
    static final int EXIT_SERVICE_FAILED = 3;
    private static final Duration HEALTH_CHECK_PERIOD = Duration.ofSeconds(1);

    /**
     * What the shared options mean for `run`, which (unlike the other commands) starts a broker when no cluster is
     * named and generates an API key: replaces their descriptions in {@code run}'s model.
     */
    static void describeSharedOptions(CommandSpec run) {
        redescribe(run, "--bootstrap-servers", "Kafka cluster to use (env KAFKA_BOOTSTRAP_SERVERS); when unset, run "
                + "starts a Kafka broker in this JVM on --kafka-host and --kafka-port, with its data in --data-dir.");
        redescribe(run, "--api-key", "API key allowed to manage subscriptions, as owner=key (repeatable; env "
                + "MONITOR_API_KEYS as owner=key,owner=key). run also adds local=<key kept in DATA_DIR/api-key> and prints it.");
    }

    private static void redescribe(CommandSpec command, String option, String description) {
        picocli.CommandLine.Model.OptionSpec shared = command.findOption(option);
        command.remove(shared);
        command.addOption(shared.toBuilder().description(description).build());
    }

    @Mixin
    KafkaOptions kafka;
    @Mixin
    BrokerOptions broker;
    @Mixin
    HttpOptions http;
    @Mixin
    FeedOptions feeds;

    @Option(names = "--no-samples", description = "Do not replay the bundled sample archive.")
    boolean noSamples;

    @Option(names = "--themes", paramLabel = "FILE|DIR", defaultValue = "${env:MONITOR_THEMES}",
            description = "Theme file(s) to publish at start-up (env MONITOR_THEMES; default: the bundled catalog).")
    Path themes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintStream out = System.out;
        Map<String, String> keys = http.keys();
        if (keys.isEmpty()) {
            LocalApiKey local = new LocalApiKey(broker.dataDir);
            String key = local.loadOrCreate();
            keys = Map.of(LocalApiKey.OWNER, key);
            out.println("API key for owner '" + LocalApiKey.OWNER + "' (subscriptions API; kept in " + local.file()
                    + ", new one with `monitor api-key rotate`): " + key);
        }
        PipelineSettings settings = new PipelineSettings(kafka.configured() ? kafka.settings(null) : null,
                broker.dataDir, broker.kafkaHost, broker.kafkaPort, kafka.replicationFactor, kafka.partitions, http.host,
                http.port, keys, feeds.feedList, !feeds.noLiveFeeds, !noSamples, themes, new ArrayList<>(feeds.allow),
                !feeds.noFullText);
        // the hook is in place before start-up, so that Ctrl-C while starting still closes what has started
        Pipeline pipeline = new Pipeline(out);
        ShutdownLatch latch = new ShutdownLatch(() -> {
            out.println("Stopping ...");
            pipeline.close();
            out.println("Stopped.");
        });
        try {
            pipeline.startAll(settings);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        out.println("Running. Press Ctrl-C to stop.");
        out.flush();
        String failure = latch.awaitUnless(pipeline::failure, HEALTH_CHECK_PERIOD);
        if (failure == null) {
            return 0;
        }
        // a failed service does not recover by itself: stop everything and say why, so a supervisor restarts us
        spec.commandLine().getErr().println("The monitor stops: " + failure);
        spec.commandLine().getErr().flush();
        out.println("Stopping ...");
        pipeline.close();
        out.println("Stopped.");
        return EXIT_SERVICE_FAILED;
    }

}
