package org.newsmonitor.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node) running in this JVM.
 * Its storage is formatted on first start and kept in {@link EmbeddedKafkaConfig#dataDir()}, so a restart on the
 * same directory finds the earlier topics, records and committed offsets. Any Kafka client can connect to
 * {@link #bootstrapServers()}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final EmbeddedKafkaConfig config;
    private final KafkaRaftServer server;
    private final int port;
    private volatile boolean closed;

    private EmbeddedKafka(EmbeddedKafkaConfig config, KafkaRaftServer server, int port) {
        this.config = config;
        this.server = server;
        this.port = port;
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it answers clients.
     *
     * @throws EmbeddedKafkaException with a one-line reason when the directory is unusable, the port is taken
     *                                or the broker does not become ready
     */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        int port = config.port() == 0 ? freePort(config.host()) : requireFreePort(config.host(), config.port());
        int controllerPort = freePort(config.host());
        String advertised = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return startNode(config, NODE_ID, NODE_ID + "@" + advertised + ":" + controllerPort, port, controllerPort,
                Uuid.randomUuid().toString());
    }

    /**
     * Starts one combined broker+controller node of a (possibly multi-node) KRaft cluster.
     *
     * @param voters    the controller quorum, "id@host:port,..."
     * @param clusterId the cluster id every node is formatted with
     */
    static EmbeddedKafka startNode(EmbeddedKafkaConfig config, int nodeId, String voters, int port, int controllerPort,
            String clusterId) {
        Path dataDir = config.dataDir().toAbsolutePath();
        Path logDir = dataDir.resolve("kraft-combined-logs");
        prepareDirectory(dataDir, logDir);
        Properties props = brokerProperties(config, logDir, port, controllerPort, nodeId, voters);
        format(logDir, nodeId, clusterId);
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("Embedded Kafka broker failed to start on " + config.host() + ":" + port
                    + " with data in " + dataDir + ": " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(config, server, port);
        try {
            kafka.awaitReady(90);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Embedded Kafka broker ready at {} (data in {})", kafka.bootstrapServers(), dataDir);
        return kafka;
    }

    /** host:port for clients; never null. */
    public String bootstrapServers() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return host + ":" + port;
    }

    /** The client port actually in use. */
    public int port() {
        return port;
    }

    /** Where the broker keeps its data. */
    public Path dataDir() {
        return config.dataDir();
    }

    /** Stops the broker and waits until it has shut down; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers());
    }

    private void awaitReady(int seconds) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new EmbeddedKafkaException("Embedded Kafka broker at " + bootstrapServers()
                                + " did not become ready within " + seconds + " s: " + e.getMessage(), e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedKafkaException("Embedded Kafka broker at " + bootstrapServers()
                            + " reported no nodes within " + seconds + " s");
                }
            }
        }
    }

    private static Properties brokerProperties(EmbeddedKafkaConfig config, Path logDir, int port, int controllerPort,
            int nodeId, String voters) {
        String host = config.host();
        String advertised = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + advertised + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + advertised + ":" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: internal topics cannot be replicated
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("num.partitions", "3");
        // a laptop broker: start consumer groups at once, keep the footprint small
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("auto.create.topics.enable", "false");
        p.putAll(config.overrides());
        return p;
    }

    private static void format(Path logDir, int nodeId, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(Optional.of(logDir.toString()))
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void prepareDirectory(Path dataDir, Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Cannot create the Kafka data directory " + dataDir + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (!Files.isWritable(logDir)) {
            throw new EmbeddedKafkaException("The Kafka data directory " + logDir + " is not writable");
        }
        Path probe = logDir.resolve(".write-probe-" + UUID.randomUUID());
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("The Kafka data directory " + logDir + " is not writable: " + e.getMessage(), e);
        }
    }

    private static int requireFreePort(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return port;
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Port " + port + " on " + host + " is already in use (or not bindable): "
                    + "stop whatever holds it, or choose another with --kafka-port");
        }
    }

    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host.equals("0.0.0.0") ? "127.0.0.1" : host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + config.dataDir() + "]";
    }

}
