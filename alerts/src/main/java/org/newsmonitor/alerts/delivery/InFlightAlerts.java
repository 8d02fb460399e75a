package org.newsmonitor.alerts.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts read and still in delivery, per partition, and so how far the consumer group may commit: up to the first
 * alert of each partition still open, however out of order the others finish ({@link PartitionProgress}). An alert's
 * acknowledgement may run on any thread; every other method belongs to the consumer's thread, which applies the
 * acknowledgements when it next asks.
 */
final class InFlightAlerts {
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private int open;

    /**
     * An alert was read at this offset.
     *
     * @return its acknowledgement: run it once, from any thread, when every delivery of the alert is done
     */
    Runnable read(TopicPartition partition, long offset) {
        progress.computeIfAbsent(partition, k -> new PartitionProgress()).started(offset);
        open++;
        return () -> finished.add(new Finished(partition, offset));
    }

    /** Alerts read and not yet acknowledged. */
    int count() {
        applyAcknowledgements();
        return open;
    }

    /** The offsets to commit for these partitions: only those that moved since the last commit. */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions) {
        applyAcknowledgements();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            PartitionProgress p = progress.get(tp);
            OptionalLong at = p == null ? OptionalLong.empty() : p.committable();
            if (at.isPresent() && at.getAsLong() > p.lastCommitted) {
                offsets.put(tp, new OffsetAndMetadata(at.getAsLong()));
            }
        }
        return offsets;
    }

    /** These offsets were committed. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> {
            PartitionProgress p = progress.get(tp);
            if (p != null) {
                p.lastCommitted = o.offset();
            }
        });
    }

    /** The partitions were revoked: their open alerts are no longer this consumer's (their next owner reads them). */
    void forget(Collection<TopicPartition> partitions) {
        applyAcknowledgements();
        for (TopicPartition tp : partitions) {
            PartitionProgress p = progress.remove(tp);
            if (p != null) {
                open -= p.inFlight();
            }
        }
    }

    /** Every partition with alerts read. */
    Collection<TopicPartition> partitions() {
        return progress.keySet();
    }

    private void applyAcknowledgements() {
        Finished f;
        while ((f = finished.poll()) != null) {
            PartitionProgress p = progress.get(f.partition());
            if (p != null) {
                p.finished(f.offset());
                open--;
            }
        }
    }

    private record Finished(TopicPartition partition, long offset) {
    }
}
