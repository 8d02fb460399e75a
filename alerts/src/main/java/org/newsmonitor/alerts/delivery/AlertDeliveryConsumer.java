package org.newsmonitor.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsmonitor.alerts.digest.DigestScheduler;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic in the consumer group {@value #GROUP_ID} and hands each alert to the
 * {@link AlertDispatcher}; this class does the Kafka side only. An alert's offset is committed only after every
 * delivery of it was delivered or dead-lettered (at-least-once), so alerts finished out of order are committed up to
 * the first one still open ({@link PartitionProgress}); reading pauses while too many alerts are in delivery; a
 * revoked partition commits what is done and forgets the rest, which its next owner reads again. Unreadable records
 * are dead-lettered. Each turn of the loop also lets the {@link DigestScheduler} send due digests.
 *
 * <ul>
 *   <li>Topic: news-alerts / Key: subscription id / Value: AlertEvent JSON</li>
 *   <li>Out (through the recorder): news-deliveries, news-dead-letters</li>
 * </ul>
 */
public final class AlertDeliveryConsumer implements AutoCloseable {
    /** Consumer group of alert delivery (the policy's Streams application uses "news-monitor-alerts"). */
    public static final String GROUP_ID = "news-monitor-alerts-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDeliveryConsumer.class);
    private static final Duration COMMIT_EVERY = Duration.ofMillis(300);

    private final Consumer<String, byte[]> consumer;
    private final AlertDispatcher dispatcher;
    private final DigestScheduler digests;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final int maxInFlight;
    private final Thread thread = new Thread(this::run, "alerts-delivery-consumer");
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean alive;
    private boolean started;
    private boolean closed;

    /**
     * @param settings    how to reach Kafka
     * @param dispatcher  starts each alert's deliveries
     * @param digests     sends due digests
     * @param deadLetters unreadable alert records go here
     * @param clock       dates dead letters
     * @param maxInFlight alerts in delivery before reading pauses
     */
    public AlertDeliveryConsumer(ClientSettings settings, AlertDispatcher dispatcher, DigestScheduler digests,
            DeadLetterSink deadLetters, Clock clock, int maxInFlight) {
        this(kafkaConsumer(settings), dispatcher, digests, deadLetters, clock, maxInFlight);
    }

    /** With a given consumer, e.g. a MockConsumer in tests. */
    AlertDeliveryConsumer(Consumer<String, byte[]> consumer, AlertDispatcher dispatcher, DigestScheduler digests,
            DeadLetterSink deadLetters, Clock clock, int maxInFlight) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.digests = digests;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        thread.setDaemon(true);
    }

    private static Consumer<String, byte[]> kafkaConsumer(ClientSettings settings) {
        var props = settings.consumer(GROUP_ID);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Joins the group and starts delivering on a background thread; once only. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("Alert delivery was already started or closed");
        }
        started = true;
        running = true;
        alive = true;
        thread.start();
    }

    /** Whether the delivery loop is running. */
    public boolean alive() {
        return alive;
    }

    /** Alerts read but not yet delivered or dead-lettered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void run() {
        // intervals run on the monotonic clock; the injected clock only dates alerts and digests
        long nextCommit = System.nanoTime();
        boolean paused = false;
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    handle(r);
                }
                drainFinished();
                dispatcher.retryAwaitingSubscription();
                digests.sendDue();
                long tick = System.nanoTime();
                if (tick - nextCommit >= 0) {
                    commit(progress.keySet());
                    nextCommit = tick + COMMIT_EVERY.toNanos();
                }
                boolean full = inFlight.get() >= maxInFlight;
                if (full != paused) {
                    if (full) {
                        consumer.pause(consumer.assignment());
                    } else {
                        consumer.resume(consumer.assignment());
                    }
                    paused = full;
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Alert delivery stopped: {}", e.toString(), e);
        } finally {
            try {
                drainFinished();
                commit(progress.keySet());
            } catch (RuntimeException e) {
                LOG.warn("Final commit of alert delivery failed: {}", e.getMessage());
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            alive = false;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        progress.computeIfAbsent(tp, k -> new PartitionProgress()).started(r.offset());
        inFlight.incrementAndGet();
        Runnable acknowledge = () -> finished.add(new Finished(tp, r.offset()));
        AlertEvent alert;
        try {
            if (r.value() == null) {
                throw new IllegalArgumentException("alert record has no value");
            }
            alert = Topics.ALERTS.valueSerde().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            deadLetters.publish(DeadLetters.event("alerts.deliver-alerts", r.topic(), r.partition(), r.offset(),
                    r.key(), r.value(), DeadLetters.reason(e), clock.instant()), e);
            acknowledge.run();
            return;
        }
        dispatcher.dispatch(alert, acknowledge);
    }

    private void drainFinished() {
        Finished f;
        while ((f = finished.poll()) != null) {
            PartitionProgress p = progress.get(f.partition());
            if (p != null) {
                p.finished(f.offset());
                inFlight.decrementAndGet();
            }
        }
    }

    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            PartitionProgress p = progress.get(tp);
            OptionalLong at = p == null ? OptionalLong.empty() : p.committable();
            if (at.isPresent() && at.getAsLong() > p.lastCommitted) {
                offsets.put(tp, new OffsetAndMetadata(at.getAsLong()));
            }
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            offsets.forEach((tp, o) -> progress.get(tp).lastCommitted = o.offset());
        }
    }

    /**
     * Stops reading, commits what is done and leaves the group; deliveries in progress stay unacknowledged. Safe to
     * call twice, and without {@link #start()}.
     */
    @Override
    public synchronized void close() {
        running = false;
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Finished(TopicPartition partition, long offset) {
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drainFinished();
            try {
                commit(partitions);
            } catch (RuntimeException e) {
                LOG.warn("Commit on rebalance failed: {}", e.getMessage());
            }
            for (TopicPartition tp : partitions) {
                PartitionProgress p = progress.remove(tp);
                if (p != null) {
                    inFlight.addAndGet(-p.inFlight());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // progress starts with the first record read
        }
    }
}
