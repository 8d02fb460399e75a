package org.newsmonitor.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.newsmonitor.contracts.ClientSettings;
import picocli.CommandLine.Option;

/** How a command reaches Kafka: bootstrap servers plus pass-through client properties (TLS, SASL, ...). */
public final class KafkaOptions {
    /** Where a `./monitor run` on this machine listens by default. */
    static final String LOCAL_BROKER = "localhost:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Kafka cluster to use (env KAFKA_BOOTSTRAP_SERVERS; default " + LOCAL_BROKER
                    + ", where 'monitor run' on this machine has its broker).")
    String bootstrapServers;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Client property passed to every Kafka client, e.g. security.protocol=SASL_SSL (repeatable). "
                    + "Also read from env KAFKA_CLIENT_<NAME> (KAFKA_CLIENT_SECURITY_PROTOCOL=SSL).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--replication-factor", defaultValue = "${env:MONITOR_REPLICATION_FACTOR:-0}",
            description = "Replication factor of topics the monitor creates (env MONITOR_REPLICATION_FACTOR; "
                    + "default: the number of brokers, at most 3).")
    short replicationFactor;

    @Option(names = "--partitions", defaultValue = "${env:MONITOR_PARTITIONS:-0}",
            description = "Partitions of the multi-partition topics the monitor creates (env MONITOR_PARTITIONS; "
                    + "default: each topic's own, 3).")
    int partitions;

    /** Whether a cluster was named on the command line or in the environment. */
    boolean configured() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    /** Settings for the configured cluster, or for the given fallback servers. */
    ClientSettings settings(String fallbackServers) {
        Map<String, String> all = new LinkedHashMap<>(fromEnvironment(System.getenv()));
        all.putAll(properties);
        return new ClientSettings(configured() ? bootstrapServers : fallbackServers, all);
    }

    /** Client properties from KAFKA_CLIENT_* variables: KAFKA_CLIENT_SASL_MECHANISM -> sasl.mechanism. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("KAFKA_CLIENT_") && k.length() > "KAFKA_CLIENT_".length()) {
                props.put(k.substring("KAFKA_CLIENT_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v);
            }
        });
        return props;
    }
}
