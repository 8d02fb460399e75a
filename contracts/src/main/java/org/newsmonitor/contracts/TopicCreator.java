package org.newsmonitor.contracts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the monitor's topics if they are missing; existing topics are left as they are. */
public final class TopicCreator {
    private TopicCreator() {
    }

    /**
     * Ensures every topic in {@code specs} exists.
     *
     * @param settings          how to reach the cluster
     * @param specs             topics to create when missing
     * @param replicationFactor replication for new topics (1 on the embedded broker)
     * @param partitions        partition count for multi-partition topics, or 0 for each spec's default
     * @return names of the topics that were created now; never null
     * @throws IllegalStateException when the cluster cannot be reached or refuses, naming the topic
     */
    public static List<String> ensure(ClientSettings settings, Collection<TopicSpec<?>> specs, short replicationFactor,
            int partitions) {
        try (Admin admin = Admin.create(settings.admin())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?> spec : specs) {
                if (!existing.contains(spec.name())) {
                    int count = partitions > 0 && spec.partitions() > 1 ? partitions : spec.partitions();
                    missing.add(spec.newTopic(count, replicationFactor));
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + settings.bootstrapServers() + " to create topics: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }
}
