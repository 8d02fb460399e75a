package org.newsmonitor.alerts.policy;

import org.newsmonitor.contracts.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.KeyValue;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.JsonSerde;

/** Turns one theme match into at most one alert per interested subscription; bad input becomes a dead letter. */
final class MatchAlertProcessor implements Processor<String, byte[], String, Object> {
    private final String dedupStoreName;
    private final Duration retention;
    private final String alertsSink;
    private final String deadLettersSink;
    private final JsonSerde<ThemeMatchEvent> serde = Topics.THEME_MATCHES.valueSerde();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Object> subscriptions;
    private WindowStore<String, Long> alertIds;

    MatchAlertProcessor(String dedupStoreName, Duration retention, String alertsSink, String deadLettersSink) {
        this.dedupStoreName = dedupStoreName;
        this.retention = retention;
        this.alertsSink = alertsSink;
        this.deadLettersSink = deadLettersSink;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(AlertPolicyTopology.SUBSCRIPTIONS_STORE);
        this.alertIds = context.getStateStore(dedupStoreName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ThemeMatchEvent match;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("Theme match record has no value (tombstone) on topic '"
                        + Topics.THEME_MATCHES.name() + "'");
            }
            match = serde.deserialize(Topics.THEME_MATCHES.name(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, Object> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, Object> entry = all.next();
                SubscriptionEvent subscription = unwrap(entry.value);
                if (subscription != null && AlertPolicy.accepts(subscription, match)) {
                    AlertEvent alert = AlertPolicy.alertFor(subscription, match, Instant.ofEpochMilli(now));
                    emitOnce(alert, record.timestamp(), now);
                }
            }
        }
    }

    private void emitOnce(AlertEvent alert, long recordTimestamp, long now) {
        if (seen(alertIds, alert.alertId(), now, retention)) {
            return;
        }
        alertIds.put(alert.alertId(), now, now);
        context.forward(new Record<String, Object>(alert.subscriptionId(), alert, recordTimestamp), alertsSink);
    }

    private void deadLetter(Record<String, byte[]> record, RuntimeException error) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        DeadLetterEvent letter = DeadLetters.event("alerts." + AlertPolicyTopology.MATCHES_TO_ALERTS,
                meta == null ? Topics.THEME_MATCHES.name() : meta.topic(), meta == null ? -1 : meta.partition(),
                meta == null ? -1 : meta.offset(), record.key(), record.value(), DeadLetters.reason(error),
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(new Record<String, Object>(record.key(), letter, record.timestamp(),
                DeadLetters.headers(letter, error)), deadLettersSink);
    }

    /** Whether {@code alertId} was emitted within the retention before {@code now}. */
    static boolean seen(WindowStore<String, Long> store, String alertId, long now, Duration retention) {
        try (WindowStoreIterator<Long> hits = store.fetch(alertId, Math.max(0, now - retention.toMillis()), now)) {
            return hits.hasNext();
        }
    }

    /** Global stores may hand back the value wrapped with its timestamp. */
    @SuppressWarnings("unchecked")
    static SubscriptionEvent unwrap(Object value) {
        if (value instanceof ValueAndTimestamp<?> vt) {
            return (SubscriptionEvent) vt.value();
        }
        return (SubscriptionEvent) value;
    }
}
