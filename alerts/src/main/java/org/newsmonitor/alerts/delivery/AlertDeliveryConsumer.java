package org.newsmonitor.alerts.delivery;

import org.newsmonitor.contracts.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import org.newsmonitor.alerts.digest.DigestBuffer;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.alerts.subscription.SubscriptionStore;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic in the consumer group {@value #GROUP_ID} and delivers each alert on its subscription's
 * channels. An alert's offset is committed only after every channel delivered or dead-lettered it (at-least-once).
 * What was already done, and the retries in progress, are taken from the deliveries topic, so a restarted service
 * skips what was delivered and resumes retries where they were.
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
    /** How long an alert waits for its subscription to appear in this instance's view (written elsewhere). */
    private static final Duration SUBSCRIPTION_GRACE = Duration.ofSeconds(60);

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final DeliveryParts parts;
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Waiting> awaitingSubscription = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean alive;
    private Thread thread;
    private Consumer<String, byte[]> consumer;

    /**
     * @param settings how to reach Kafka
     * @param parts    the channels, queues, views and limits delivery works with
     */
    public AlertDeliveryConsumer(ClientSettings settings, DeliveryParts parts) {
        this(() -> {
            var props = settings.consumer(GROUP_ID);
            props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID);
            props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
            return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }, parts);
    }

    /** With a given consumer, e.g. a MockConsumer in tests. */
    AlertDeliveryConsumer(Supplier<Consumer<String, byte[]>> consumerFactory, DeliveryParts parts) {
        this.consumerFactory = consumerFactory;
        this.parts = parts;
    }

    /**
     * What delivery works with.
     *
     * @param subscriptions       current subscriptions
     * @param log                 delivery outcomes so far (from the deliveries topic)
     * @param webhook             the webhook channel
     * @param email               the e-mail channel
     * @param digests             alerts waiting for their digest
     * @param queues              per-endpoint queues
     * @param retry               retry schedule (its giveUpAfter bounds each job)
     * @param console             prints alerts of the console subscription; may be null
     * @param consoleSubscription id of the subscription printed on the console
     * @param deadLetters         unreadable alert records go here
     * @param clock               time
     * @param digestCheck         how often due digests are looked for
     * @param maxInFlight         alerts in delivery before reading pauses
     * @param chats               the chat channels (ntfy, Slack, Telegram); never null
     */
    public record DeliveryParts(SubscriptionStore subscriptions, DeliveryLog log, WebhookChannel webhook,
            EmailChannel email, DigestBuffer digests, EndpointQueues queues, RetrySchedule retry, ConsoleAlerts console,
            String consoleSubscription, DeadLetterSink deadLetters, Clock clock, Duration digestCheck, int maxInFlight,
            List<ChatChannel> chats) {
    }

    /** Joins the group and starts delivering on a background thread. */
    public synchronized void start() {
        consumer = consumerFactory.get();
        running = true;
        alive = true;
        thread = new Thread(this::run, "alerts-delivery-consumer");
        thread.setDaemon(true);
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
        long nextDigestCheck = System.nanoTime();
        boolean paused = false;
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    handle(r);
                }
                drainFinished();
                Instant now = parts.clock().instant();
                retryAwaitingSubscription(now);
                long tick = System.nanoTime();
                if (tick - nextDigestCheck >= 0) {
                    sendDueDigests(now);
                    nextDigestCheck = tick + parts.digestCheck().toNanos();
                }
                if (tick - nextCommit >= 0) {
                    commit(progress.keySet());
                    nextCommit = tick + COMMIT_EVERY.toNanos();
                }
                boolean full = inFlight.get() >= parts.maxInFlight();
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
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            alive = false;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        PartitionProgress p = progress.computeIfAbsent(tp, k -> new PartitionProgress());
        p.started(r.offset());
        inFlight.incrementAndGet();
        Runnable finish = () -> finished.add(new Finished(tp, r.offset()));
        AlertEvent alert;
        try {
            if (r.value() == null) {
                throw new IllegalArgumentException("alert record has no value");
            }
            alert = Topics.ALERTS.valueSerde().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            parts.deadLetters().publish(DeadLetters.event("alerts.deliver-alerts", r.topic(), r.partition(),
                    r.offset(), r.key(), r.value(), DeadLetters.reason(e), parts.clock().instant()), e);
            finish.run();
            return;
        }
        Optional<SubscriptionEvent> found = parts.subscriptions().get(alert.subscriptionId());
        if (found.isEmpty()) {
            if (alert.createdAt().plus(SUBSCRIPTION_GRACE).isAfter(parts.clock().instant())) {
                // made for a subscription this instance has not seen yet: look again shortly
                awaitingSubscription.add(new Waiting(alert, finish));
            } else {
                // the subscription was deleted: nothing to deliver
                finish.run();
            }
            return;
        }
        deliver(alert, found.get(), finish);
    }

    private void retryAwaitingSubscription(Instant now) {
        if (awaitingSubscription.isEmpty()) {
            return;
        }
        List<Waiting> waiting = new ArrayList<>(awaitingSubscription);
        awaitingSubscription.clear();
        for (Waiting w : waiting) {
            Optional<SubscriptionEvent> found = parts.subscriptions().get(w.alert().subscriptionId());
            if (found.isPresent()) {
                deliver(w.alert(), found.get(), w.finish());
            } else if (w.alert().createdAt().plus(SUBSCRIPTION_GRACE).isAfter(now)) {
                awaitingSubscription.add(w);
            } else {
                w.finish().run();
            }
        }
    }

    private void deliver(AlertEvent alert, SubscriptionEvent s, Runnable finish) {
        if (parts.console() != null && s.id().equals(parts.consoleSubscription())) {
            parts.console().print(alert);
        }
        List<Runnable> starts = new ArrayList<>();
        AtomicInteger remaining = new AtomicInteger();
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                finish.run();
            }
        };
        if (s.webhookUrl() != null) {
            plan(parts.webhook(), s, alert, starts, oneDone);
        }
        if (s.email() != null) {
            if (s.mode() != DeliveryMode.IMMEDIATE && !alreadyFinal(alert, EmailChannel.NAME)) {
                starts.add(() -> parts.digests().add(s, alert, oneDone));
            } else {
                plan(parts.email(), s, alert, starts, oneDone);
            }
        }
        for (ChatChannel chat : parts.chats()) {
            if (chat.usedBy(s)) {
                plan(chat, s, alert, starts, oneDone);
            }
        }
        if (starts.isEmpty()) {
            finish.run();
            return;
        }
        remaining.set(starts.size());
        starts.forEach(Runnable::run);
    }

    private void plan(Channel channel, SubscriptionEvent s, AlertEvent alert, List<Runnable> starts, Runnable done) {
        Optional<DeliveryEvent> last = parts.log().latest(alert.alertId(), channel.name());
        if (last.isPresent() && last.get().status() != DeliveryStatus.RETRYING) {
            // delivered or dead-lettered before a restart: done
            return;
        }
        int attempts = last.map(DeliveryEvent::attempts).orElse(0);
        Instant now = parts.clock().instant();
        Duration delay = last.map(DeliveryEvent::nextAttemptAt).filter(at -> at.isAfter(now))
                .map(at -> Duration.between(now, at)).orElse(Duration.ZERO);
        Instant giveUpAt = alert.createdAt().plus(parts.retry().giveUpAfter());
        if (giveUpAt.isBefore(now)) {
            giveUpAt = now;
        }
        DeliveryJob job = new DeliveryJob(channel, s, List.of(alert), attempts, giveUpAt, done);
        starts.add(() -> parts.queues().submit(job, delay));
    }

    private boolean alreadyFinal(AlertEvent alert, String channel) {
        return parts.log().latest(alert.alertId(), channel).map(d -> d.status() != DeliveryStatus.RETRYING)
                .orElse(false);
    }

    private void sendDueDigests(Instant now) {
        for (DigestBuffer.Digest d : parts.digests().takeDue(now)) {
            parts.queues().submit(new DeliveryJob(parts.email(), d.subscription(), d.alerts(), 0,
                    now.plus(parts.retry().giveUpAfter()), d.done()), Duration.ZERO);
        }
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

    /** Stops reading, commits what is done and leaves the group; deliveries in progress stay unacknowledged. */
    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Finished(TopicPartition partition, long offset) {
    }

    private record Waiting(AlertEvent alert, Runnable finish) {
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
