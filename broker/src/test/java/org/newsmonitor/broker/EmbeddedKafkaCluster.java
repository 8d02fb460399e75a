package org.newsmonitor.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.Uuid;

/**
 * Several real KRaft nodes (each broker and controller) in this JVM, replicating like a production cluster:
 * internal topics replicated {@code min(3, size)} times with {@code min.insync.replicas} 2 where possible. Used to
 * prove failover: stop one node with {@link #stop(int)} and the others carry on.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private final List<EmbeddedKafka> nodes;
    private final boolean[] stopped;

    private EmbeddedKafkaCluster(List<EmbeddedKafka> nodes) {
        this.nodes = nodes;
        this.stopped = new boolean[nodes.size()];
    }

    /**
     * Formats and starts {@code size} nodes under {@code dataDir} (one sub-directory each), in parallel, and waits
     * until each answers clients.
     */
    public static EmbeddedKafkaCluster start(Path dataDir, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, was " + size);
        }
        String host = "127.0.0.1";
        int[] ports = new int[size];
        int[] controllerPorts = new int[size];
        StringJoiner voters = new StringJoiner(",");
        for (int i = 0; i < size; i++) {
            ports[i] = EmbeddedKafka.freePort(host);
            controllerPorts[i] = EmbeddedKafka.freePort(host);
            voters.add((i + 1) + "@" + host + ":" + controllerPorts[i]);
        }
        String replication = String.valueOf(Math.min(3, size));
        String minIsr = String.valueOf(Math.min(2, size));
        Map<String, String> replicated = Map.of(
                "offsets.topic.replication.factor", replication,
                "transaction.state.log.replication.factor", replication,
                "transaction.state.log.min.isr", minIsr,
                "default.replication.factor", replication,
                "min.insync.replicas", minIsr,
                "share.coordinator.state.topic.replication.factor", replication,
                "share.coordinator.state.topic.min.isr", minIsr);
        String clusterId = Uuid.randomUuid().toString();
        List<CompletableFuture<EmbeddedKafka>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int node = i;
            EmbeddedKafkaConfig config = new EmbeddedKafkaConfig(dataDir.resolve("node-" + (node + 1)), ports[node], host,
                    replicated);
            starting.add(CompletableFuture.supplyAsync(() -> EmbeddedKafka.startNode(config, node + 1,
                    voters.toString(), ports[node], controllerPorts[node], clusterId)));
        }
        List<EmbeddedKafka> nodes = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<EmbeddedKafka> f : starting) {
            try {
                nodes.add(f.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new EmbeddedKafkaException(e.getMessage(), e);
            }
        }
        if (failure != null) {
            nodes.forEach(EmbeddedKafka::close);
            throw failure;
        }
        return new EmbeddedKafkaCluster(nodes);
    }

    /** host:port of every node, comma-separated; clients fail over among them. */
    public String bootstrapServers() {
        StringJoiner servers = new StringJoiner(",");
        nodes.forEach(n -> servers.add(n.bootstrapServers()));
        return servers.toString();
    }

    /** Number of nodes, running or not. */
    public int size() {
        return nodes.size();
    }

    /** Stops node {@code index} (0-based), as a broker failure would; the others keep serving. */
    public synchronized void stop(int index) {
        if (!stopped[index]) {
            stopped[index] = true;
            nodes.get(index).close();
        }
    }

    /**
     * Stops every running node at once: each broker's controlled shutdown needs a controller quorum, which stopping
     * the nodes one after another would take away from the last ones.
     */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!stopped[i]) {
                stopped[i] = true;
                EmbeddedKafka node = nodes.get(i);
                stopping.add(CompletableFuture.runAsync(node::close));
            }
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }
}
