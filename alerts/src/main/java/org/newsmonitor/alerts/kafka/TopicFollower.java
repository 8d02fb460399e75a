package org.newsmonitor.alerts.kafka;

import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows several topics with one consumer (no group: every instance reads everything) and hands each record to the
 * view that materialises it. Records that do not parse are dead-lettered and skipped.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private final ClientSettings settings;
    private final String clientId;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final Map<String, Follow<?>> follows = new HashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param settings    how to reach Kafka
     * @param clientId    client id of the consumer
     * @param deadLetters where unreadable records go
     * @param clock       dead-letter timestamps
     */
    public TopicFollower(ClientSettings settings, String clientId, DeadLetterSink deadLetters, Clock clock) {
        this.settings = settings;
        this.clientId = clientId;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * Registers a view of a topic; call before {@link #start()}.
     *
     * @param topic    the topic
     * @param history  how far back to start: null for the beginning, else this long before now
     * @param handler  receives key and value (null for a tombstone), on the follower's thread
     */
    public <V> void follow(TopicSpec<V> topic, Duration history, BiConsumer<String, V> handler) {
        follows.put(topic.name(), new Follow<>(topic, history, handler));
    }

    /** Assigns the partitions of every followed topic, seeks to the start of each view and starts reading. */
    public synchronized void start() {
        var props = settings.consumer(clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Follow<?> f : follows.values()) {
            List<PartitionInfo> infos = consumer.partitionsFor(f.topic.name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Kafka topic " + f.topic.name() + " does not exist; create the "
                        + "monitor's topics first");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> sinceTimes = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Duration history = follows.get(tp.topic()).history;
            if (history != null) {
                sinceTimes.put(tp, clock.millis() - history.toMillis());
            }
        }
        if (!sinceTimes.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(sinceTimes, Duration.ofSeconds(30));
            Map<TopicPartition, Long> ends = consumer.endOffsets(sinceTimes.keySet(), Duration.ofSeconds(30));
            for (TopicPartition tp : sinceTimes.keySet()) {
                OffsetAndTimestamp at = found.get(tp);
                consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
            }
        }
        Map<TopicPartition, Long> targets = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        running = true;
        thread = new Thread(() -> run(targets), clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until every followed topic was read up to where it ended at start; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Map<TopicPartition, Long> targets) {
        boolean done = false;
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    dispatch(r);
                }
                if (!done) {
                    done = targets.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (done) {
                        caughtUp.countDown();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Topic follower {} stopped: {}", clientId, e.toString(), e);
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> r) {
        Follow<?> f = follows.get(r.topic());
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            f.handle(key, r.value());
        } catch (RuntimeException e) {
            LOG.warn("Unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    DeadLetters.reason(e));
            try {
                deadLetters.publish(DeadLetters.event("alerts.view-" + r.topic(), r.topic(), r.partition(),
                        r.offset(), key, r.value(), DeadLetters.reason(e), clock.instant()), e);
            } catch (RuntimeException dlqFailure) {
                LOG.error("Cannot dead-letter {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                        dlqFailure.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Follow<V>(TopicSpec<V> topic, Duration history, BiConsumer<String, V> handler) {
        void handle(String key, byte[] value) {
            V parsed = value == null ? null : topic.valueSerde().deserialize(topic.name(), value);
            handler.accept(key, parsed);
        }
    }
}
