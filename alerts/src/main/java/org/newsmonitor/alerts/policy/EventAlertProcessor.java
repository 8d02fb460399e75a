package org.newsmonitor.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.JsonSerde;

/**
 * Turns one event read from a topic into at most one alert per interested subscription: the event is decoded (a
 * record that cannot be becomes a dead letter naming this stage), offered to every subscription, and each alert id
 * is emitted once within the de-duplication retention.
 *
 * @param <E> the event type of the topic
 */
abstract class EventAlertProcessor<E> implements Processor<String, byte[], String, Object> {
    private final TopicSpec<E> topic;
    private final JsonSerde<E> serde;
    private final String stage;
    private final String dedupStoreName;
    private final Duration retention;
    private final String alertsSink;
    private final String deadLettersSink;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Object> subscriptions;
    private WindowStore<String, Long> alertIds;

    /**
     * @param topic           the topic the events come from
     * @param stage           the processor's name, given in dead letters
     * @param dedupStoreName  window store of the alert ids already emitted
     * @param retention       how long an alert id stays known
     * @param alertsSink      sink for alerts
     * @param deadLettersSink sink for dead letters
     */
    EventAlertProcessor(TopicSpec<E> topic, String stage, String dedupStoreName, Duration retention,
            String alertsSink, String deadLettersSink) {
        this.topic = topic;
        this.serde = topic.valueSerde();
        this.stage = stage;
        this.dedupStoreName = dedupStoreName;
        this.retention = retention;
        this.alertsSink = alertsSink;
        this.deadLettersSink = deadLettersSink;
    }

    /**
     * The one subscription that may want {@code event}, looked up by id instead of offering the event to all; null
     * (the default) offers it to every subscription. May throw to refuse the event as a dead letter.
     */
    String onlySubscription(E event) {
        return null;
    }

    /** Whether {@code subscription} wants alerts for {@code event}. */
    abstract boolean accepts(SubscriptionEvent subscription, E event);

    /** The alert for {@code subscription} about {@code event}, made at {@code now}. */
    abstract AlertEvent alertFor(SubscriptionEvent subscription, E event, Instant now);

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(AlertPolicyTopology.SUBSCRIPTIONS_STORE);
        this.alertIds = context.getStateStore(dedupStoreName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        E event;
        String only;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("Record has no value (tombstone) on topic '" + topic.name() + "'");
            }
            event = serde.deserialize(topic.name(), record.value());
            only = onlySubscription(event);
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        long now = context.currentSystemTimeMs();
        if (only != null) {
            SubscriptionEvent subscription = unwrap(subscriptions.get(only));
            if (subscription != null && accepts(subscription, event)) {
                emitOnce(alertFor(subscription, event, Instant.ofEpochMilli(now)), now);
            }
            return;
        }
        try (KeyValueIterator<String, Object> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, Object> entry = all.next();
                SubscriptionEvent subscription = unwrap(entry.value);
                if (subscription != null && accepts(subscription, event)) {
                    emitOnce(alertFor(subscription, event, Instant.ofEpochMilli(now)), now);
                }
            }
        }
    }

    /**
     * Forwards the alert unless its id was emitted within the retention. Its record timestamp is {@code now}, the
     * wall-clock time it is written: {@code news-alerts} is kept for a time, and that time must run from when the
     * monitor wrote the alert, not from when the article appeared (an alert about year-old news would be deleted at
     * the next segment roll). The publication time stays in the value.
     */
    private void emitOnce(AlertEvent alert, long now) {
        if (seen(alertIds, alert.alertId(), now, retention)) {
            return;
        }
        alertIds.put(alert.alertId(), now, now);
        context.forward(new Record<String, Object>(alert.subscriptionId(), alert, now), alertsSink);
    }

    private void deadLetter(Record<String, byte[]> record, RuntimeException error) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        DeadLetterEvent letter = DeadLetters.event("alerts." + stage, meta == null ? topic.name() : meta.topic(),
                meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), record.key(), record.value(),
                DeadLetters.reason(error), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        // news-dead-letters is kept for a time, counted from when the letter was written
        context.forward(new Record<String, Object>(record.key(), letter, context.currentSystemTimeMs(),
                DeadLetters.headers(letter, error)), deadLettersSink);
    }

    /** Whether {@code alertId} was emitted within the retention before {@code now}. */
    static boolean seen(WindowStore<String, Long> store, String alertId, long now, Duration retention) {
        try (WindowStoreIterator<Long> hits = store.fetch(alertId, Math.max(0, now - retention.toMillis()), now)) {
            return hits.hasNext();
        }
    }

    /** Global stores may hand back the value wrapped with its timestamp. */
    static SubscriptionEvent unwrap(Object value) {
        if (value instanceof ValueAndTimestamp<?> vt) {
            return (SubscriptionEvent) vt.value();
        }
        return (SubscriptionEvent) value;
    }
}
