package org.newsmonitor.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * the first one still open ({@link InFlightAlerts}); reading pauses while too many alerts are in delivery; a
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
    private final InFlightAlerts inFlight = new InFlightAlerts();
    private volatile boolean running;
    private volatile boolean alive;
    private volatile boolean started;
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
        running = true;
        alive = true;
        started = true;
        thread.start();
    }

    /** Whether the delivery loop is running. */
    public boolean alive() {
        return alive;
    }

    /** Whether the delivery loop was started and has ended (closed, or stopped by an error). */
    public boolean stopped() {
        return started && !alive;
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
                dispatcher.retryAwaitingSubscription();
                digests.sendDue();
                long tick = System.nanoTime();
                if (tick - nextCommit >= 0) {
                    commit(inFlight.partitions());
                    nextCommit = tick + COMMIT_EVERY.toNanos();
                }
                boolean full = inFlight.count() >= maxInFlight;
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
                commit(inFlight.partitions());
            } catch (RuntimeException e) {
                LOG.warn("Final commit of alert delivery failed: {}", e.getMessage());
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            alive = false;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Runnable acknowledge = inFlight.read(new TopicPartition(r.topic(), r.partition()), r.offset());
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

    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = inFlight.toCommit(partitions);
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            inFlight.committed(offsets);
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

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(partitions);
            } catch (RuntimeException e) {
                LOG.warn("Commit on rebalance failed: {}", e.getMessage());
            }
            inFlight.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // progress starts with the first record read
        }
    }
}
