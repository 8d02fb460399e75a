package org.newsmonitor.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.stream.dlq.DeadLetterDeserializationHandler;
import org.newsmonitor.stream.dlq.DeadLetterProcessingHandler;

/**
 * How the stream application runs.
 *
 * @param client              how to reach Kafka; its overrides are passed to Kafka Streams and win over everything
 * @param applicationId       Kafka Streams application id (consumer group, prefix of internal topics)
 * @param stateDir            where local state stores live
 * @param processingGuarantee "exactly_once_v2" (default) or "at_least_once"
 * @param replicationFactor   replication of internal topics (changelogs, repartitions); -1 for the broker default
 * @param numStreamThreads    processing threads in this instance
 * @param commitInterval      how often offsets, state and output commit; under exactly-once this is the latency of
 *                            each hop, so it stays low
 * @param topology            the topology's own settings
 */
public record StreamConfig(
        ClientSettings client,
        String applicationId,
        Path stateDir,
        String processingGuarantee,
        short replicationFactor,
        int numStreamThreads,
        Duration commitInterval,
        TopologySettings topology) {

    /** Default application id. */
    public static final String DEFAULT_APPLICATION_ID = "news-monitor-stream";
    /** Default commit interval: 50 ms keeps publish-to-alert p99 near 300 ms at 200 articles/s (docs/performance.md). */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(50);

    public StreamConfig {
        if (client == null) {
            throw new IllegalArgumentException("client settings are required");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId must not be blank");
        }
        if (stateDir == null) {
            throw new IllegalArgumentException("stateDir is required");
        }
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(processingGuarantee)
                && !StreamsConfig.AT_LEAST_ONCE.equals(processingGuarantee)) {
            throw new IllegalArgumentException("processingGuarantee must be '" + StreamsConfig.EXACTLY_ONCE_V2
                    + "' or '" + StreamsConfig.AT_LEAST_ONCE + "', was '" + processingGuarantee + "'");
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1 (or -1 for the broker default), was "
                    + replicationFactor);
        }
        if (numStreamThreads < 1) {
            throw new IllegalArgumentException("numStreamThreads must be at least 1, was " + numStreamThreads);
        }
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive, was " + commitInterval);
        }
        if (topology == null) {
            throw new IllegalArgumentException("topology settings are required");
        }
    }

    /**
     * The defaults: application id {@value #DEFAULT_APPLICATION_ID}, exactly-once v2, replication 1 (one broker),
     * one thread, 100 ms commits, default topology settings.
     */
    public static StreamConfig of(ClientSettings client, Path stateDir) {
        return new StreamConfig(client, DEFAULT_APPLICATION_ID, stateDir, StreamsConfig.EXACTLY_ONCE_V2, (short) 1,
                1, DEFAULT_COMMIT_INTERVAL, TopologySettings.defaults());
    }

    /**
     * The defaults overridden by environment variables: {@code STREAM_APPLICATION_ID}, {@code STREAM_STATE_DIR},
     * {@code STREAM_PROCESSING_GUARANTEE}, {@code STREAM_REPLICATION_FACTOR}, {@code STREAM_THREADS},
     * {@code STREAM_COMMIT_INTERVAL_MS}.
     *
     * @throws IllegalArgumentException naming the variable when a value is not usable
     */
    public static StreamConfig fromEnv(Map<String, String> env, ClientSettings client, Path defaultStateDir) {
        StreamConfig d = of(client, defaultStateDir);
        return new StreamConfig(client,
                env.getOrDefault("STREAM_APPLICATION_ID", d.applicationId()),
                env.containsKey("STREAM_STATE_DIR") ? Path.of(env.get("STREAM_STATE_DIR")) : d.stateDir(),
                env.getOrDefault("STREAM_PROCESSING_GUARANTEE", d.processingGuarantee()),
                (short) integer(env, "STREAM_REPLICATION_FACTOR", d.replicationFactor()),
                integer(env, "STREAM_THREADS", d.numStreamThreads()),
                Duration.ofMillis(integer(env, "STREAM_COMMIT_INTERVAL_MS", (int) d.commitInterval().toMillis())),
                d.topology());
    }

    /** This configuration with another application id. */
    public StreamConfig withApplicationId(String id) {
        return new StreamConfig(client, id, stateDir, processingGuarantee, replicationFactor, numStreamThreads,
                commitInterval, topology);
    }

    /** This configuration with another replication factor for internal topics. */
    public StreamConfig withReplicationFactor(short factor) {
        return new StreamConfig(client, applicationId, stateDir, processingGuarantee, factor, numStreamThreads,
                commitInterval, topology);
    }

    /** This configuration with another number of stream threads. */
    public StreamConfig withNumStreamThreads(int threads) {
        return new StreamConfig(client, applicationId, stateDir, processingGuarantee, replicationFactor, threads,
                commitInterval, topology);
    }

    /** This configuration with other topology settings. */
    public StreamConfig withTopology(TopologySettings settings) {
        return new StreamConfig(client, applicationId, stateDir, processingGuarantee, replicationFactor,
                numStreamThreads, commitInterval, settings);
    }

    /** The Kafka Streams properties; the client settings' overrides win over every value set here. */
    public Properties toStreamsProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // matches, counts, stores and consumed offsets commit together: no match is lost or doubled on a crash
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(replicationFactor));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(numStreamThreads));
        // under exactly-once, output is visible to read_committed readers only after a commit: keep hops short
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(commitInterval.toMillis()));
        // an idle fetch returns after 50 ms rather than 500: each internal hop of the topology costs a fetch wait
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), "50");
        // the commit flushes batches anyway; a long linger would only delay the records of each commit
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), String.valueOf(ClientSettings.BATCH_BYTES));
        // generated names of stores and internal topics would shift with topology changes and break upgrades
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // a record that cannot be read or processed goes to the dead-letter topic and processing continues
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        p.putAll(client.common());
        return p;
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'", e);
        }
    }
}
