package org.newsmonitor.contracts.example;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.json.JsonSerde;

/**
 * A consumer of {@code news-alerts} that depends on the contracts module only: prints each alert on one line and
 * sets aside, on {@code news-dead-letters}, any record it cannot read, then carries on. An example for outside
 * consumers, kept in the test sources so that it is no part of the contracts jar. Run, after
 * {@code mvn -B -q -pl contracts -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/contracts.cp}:
 * {@code java -cp "contracts/target/test-classes:contracts/target/classes:$(cat /tmp/contracts.cp)"
 * org.newsmonitor.contracts.example.AlertTail localhost:9092}
 */
public final class AlertTail {
    private final JsonSerde<AlertEvent> serde = Topics.ALERTS.valueSerde();
    private final PrintStream out;
    private final Consumer<DeadLetterEvent> deadLetters;
    private final Clock clock;

    /**
     * @param out         where alerts are printed
     * @param deadLetters where unreadable records go
     * @param clock       time source for dead letters
     */
    public AlertTail(PrintStream out, Consumer<DeadLetterEvent> deadLetters, Clock clock) {
        this.out = out;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Prints one record's alert, or dead-letters the record; returns the alert or null. Never throws on bad data. */
    public AlertEvent handle(ConsumerRecord<String, byte[]> record) {
        try {
            AlertEvent alert = serde.deserialize(record.topic(), record.value());
            if (alert != null) {
                out.println(alert.themeId() + " | " + alert.title() + " | " + alert.source() + " | " + alert.url());
            }
            return alert;
        } catch (SerializationException e) {
            deadLetters.accept(DeadLetters.event("example.alert-tail", record.topic(), record.partition(),
                    record.offset(), record.key(), record.value(), e, clock.instant()));
            return null;
        }
    }

    /** Tails news-alerts on the given cluster until interrupted. */
    public static void main(String[] args) {
        ClientSettings kafka = ClientSettings.of(args.length > 0 ? args[0] : "localhost:9092");
        try (var consumer = new KafkaConsumer<>(kafka.consumer("alert-tail-example"), new StringDeserializer(),
                new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(kafka.producer("alert-tail-example"), new StringSerializer(),
                     Topics.DEAD_LETTERS.valueSerde())) {
            AlertTail tail = new AlertTail(System.out,
                    dead -> producer.send(DeadLetters.record(dead, new SerializationException(dead.reason()))),
                    Clock.systemUTC());
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    tail.handle(r);
                }
                producer.flush();
                consumer.commitSync();
            }
        }
    }
}
