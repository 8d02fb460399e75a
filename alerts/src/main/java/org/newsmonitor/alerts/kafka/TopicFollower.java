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
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows several topics with one consumer (no group: every instance reads everything) and hands each record to the
 * view that materialises it. A record that cannot be read (malformed, invalid, or keyed differently from its own id)
 * or that its view refuses is dead-lettered to {@code news-dead-letters} and skipped; see {@link TopicReader}.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    /** The stage named in this follower's dead letters. */
    static final String STAGE = "alerts.views";
    private final ClientSettings settings;
    private final String clientId;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final Map<String, Follow<?>> follows = new HashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile String failure;
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
        follows.put(topic.name(), new Follow<>(new TopicReader<>(topic, STAGE, deadLetters, clock), history, handler));
    }

    /** Assigns the partitions of every followed topic, seeks to the start of each view and starts reading. */
    public synchronized void start() {
        var props = settings.consumer(clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Follow<?> f : follows.values()) {
            List<PartitionInfo> infos = consumer.partitionsFor(f.topic().name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Kafka topic " + f.topic().name() + " does not exist; create the "
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
            failure = "stopped reading Kafka: " + DeadLetters.reason(e);
            LOG.error("Topic follower {} stopped: {}", clientId, e.toString(), e);
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Hands one record to its view, or dead-letters it when it cannot be read or the view refuses it. */
    void dispatch(ConsumerRecord<byte[], byte[]> r) {
        Follow<?> f = follows.get(r.topic());
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        f.read(key, r.value(), r.partition(), r.offset());
    }

    /** Null while the follower reads (or has not started), else why it stopped; for health checks. */
    public String failure() {
        return failure;
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

    private record Follow<V>(TopicReader<V> reader, Duration history, BiConsumer<String, V> handler) {
        TopicSpec<V> topic() {
            return reader.topic();
        }

        void read(String key, byte[] value, int partition, long offset) {
            reader.read(key, value, partition, offset, handler);
        }
    }
}
