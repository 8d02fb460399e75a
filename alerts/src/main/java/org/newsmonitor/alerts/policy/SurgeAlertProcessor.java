package org.newsmonitor.alerts.policy;

import org.newsmonitor.contracts.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.json.JsonSerde;

/** Turns one surge into at most one alert per subscription that asked for surges of that theme. */
final class SurgeAlertProcessor implements Processor<String, byte[], String, Object> {
    private final String dedupStoreName;
    private final Duration retention;
    private final String alertsSink;
    private final String deadLettersSink;
    private final JsonSerde<SurgeEvent> serde = Topics.THEME_SURGES.valueSerde();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Object> subscriptions;
    private WindowStore<String, Long> alertIds;

    SurgeAlertProcessor(String dedupStoreName, Duration retention, String alertsSink, String deadLettersSink) {
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
        SurgeEvent surge;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("Surge record has no value (tombstone) on topic '"
                        + Topics.THEME_SURGES.name() + "'");
            }
            surge = serde.deserialize(Topics.THEME_SURGES.name(), record.value());
        } catch (RuntimeException e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DeadLetterEvent letter = DeadLetters.event("alerts." + AlertPolicyTopology.SURGES_TO_ALERTS,
                    meta == null ? Topics.THEME_SURGES.name() : meta.topic(), meta == null ? -1 : meta.partition(),
                    meta == null ? -1 : meta.offset(), record.key(), record.value(), DeadLetters.reason(e),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(new Record<String, Object>(record.key(), letter, record.timestamp(),
                    DeadLetters.headers(letter, e)), deadLettersSink);
            return;
        }
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, Object> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, Object> entry = all.next();
                SubscriptionEvent subscription = MatchAlertProcessor.unwrap(entry.value);
                if (subscription != null && AlertPolicy.acceptsSurge(subscription, surge)) {
                    AlertEvent alert = AlertPolicy.alertFor(subscription, surge, Instant.ofEpochMilli(now));
                    if (!MatchAlertProcessor.seen(alertIds, alert.alertId(), now, retention)) {
                        alertIds.put(alert.alertId(), now, now);
                        context.forward(new Record<String, Object>(alert.subscriptionId(), alert, record.timestamp()),
                                alertsSink);
                    }
                }
            }
        }
    }
}
