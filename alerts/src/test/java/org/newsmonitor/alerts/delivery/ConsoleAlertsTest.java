package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.MutableClock;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;

class ConsoleAlertsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:10:00Z");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DeliveryLog log = new DeliveryLog(10, 100);
    private final RecordingRecorder recorder = new RecordingRecorder();

    private ConsoleAlerts console(DeliveryRecorder to) {
        return new ConsoleAlerts(new PrintStream(bytes, true, StandardCharsets.UTF_8), log, to, new MutableClock(NOW));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintOneCleanLinePerAlertOnce() {
        //Given
        ConsoleAlerts console = console(recorder);
        AlertEvent a = Fixtures.alert("c1", "default", "power-of-siberia", "Gas\u001b[31m deal\r\nsigned | \u202eevil");
        //When
        console.print(a);
        console.print(a);
        //Then
        assertThat(printed().lines()).containsExactly(
                "ALERT power-of-siberia | Gas [31m deal signed / evil | Example Wire | https://news.example.org/c1");
        assertThat(recorder.outcomes).containsExactly(new DeliveryEvent(1, "c1", "default", ConsoleAlerts.NAME,
                DeliveryStatus.DELIVERED, 1, null, null, NOW));
    }

    @Test
    void shouldNotPrintAnAlertWhoseConsoleDeliveryAnEarlierProcessRecorded() {
        //Given: the outcome an earlier process recorded, read back from the deliveries topic
        AlertEvent a = Fixtures.alert("c1", "default", "power-of-siberia", "Gas deal signed");
        console(recorder).print(a);
        recorder.outcomes.forEach(log::apply);
        //When a new process reads the alert again
        bytes.reset();
        console(new RecordingRecorder()).print(a);
        //Then
        assertThat(printed()).isEmpty();
    }

    @Test
    void shouldStillPrintWhenTheOutcomeCannotBeRecorded() {
        //Given
        DeliveryRecorder down = new DeliveryRecorder() {
            @Override
            public void outcome(DeliveryEvent event) {
                throw new IllegalStateException("Kafka is unreachable");
            }

            @Override
            public void deadLetter(DeadLetterEvent event) {
                throw new IllegalStateException("Kafka is unreachable");
            }
        };
        //When
        console(down).print(Fixtures.alert("c1", "default", "power-of-siberia", "Gas deal signed"));
        //Then
        assertThat(printed()).startsWith("ALERT power-of-siberia | Gas deal signed | ");
    }
}
