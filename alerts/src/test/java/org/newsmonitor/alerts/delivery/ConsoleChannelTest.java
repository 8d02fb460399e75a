package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;

class ConsoleChannelTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:10:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DeliveryLog log = new DeliveryLog(10, 100);
    private final RecordingRecorder recorder = new RecordingRecorder();
    private final SubscriptionEvent defaultSubscription = Fixtures.subscription("default", List.of());
    private final AtomicInteger done = new AtomicInteger();

    private ConsoleChannel console() {
        return new ConsoleChannel(new PrintStream(bytes, true, StandardCharsets.UTF_8), "default");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Delivers the alert on the console channel as the delivery consumer does: planned, then queued. */
    private void deliver(ConsoleChannel console, AlertEvent alert, DeliveryRecorder to) {
        DeliveryPlanner planner = new DeliveryPlanner(List.of(console), Duration.ofHours(24));
        try (EndpointQueues queues = new EndpointQueues(RetrySchedule.defaults(), to, new MutableClock(NOW),
                new Random(1))) {
            for (PlannedDelivery p : planner.plan(alert, defaultSubscription, log::latest, NOW)) {
                PlannedDelivery.Attempts a = (PlannedDelivery.Attempts) p;
                queues.submit(new DeliveryJob(a.channel(), defaultSubscription, List.of(alert), a.attemptsSoFar(),
                        a.giveUpAt(), done::incrementAndGet), a.delay());
            }
            Await.until("the console delivery ran", WAIT, () -> queues.pending() == 0);
        }
    }

    @Test
    void shouldPrintOneCleanLinePerAlertOnce() {
        //Given
        ConsoleChannel console = console();
        AlertEvent a = Fixtures.alert("c1", "default", "power-of-siberia", "Gas\u001b[31m deal\r\nsigned | \u202eevil");
        //When
        deliver(console, a, recorder);
        deliver(console, a, recorder);
        //Then
        assertThat(printed().lines()).containsExactly(
                "ALERT power-of-siberia | Gas [31m deal signed / evil | Example Wire | https://news.example.org/c1");
        assertThat(recorder.outcomes).isNotEmpty().containsOnly(new DeliveryEvent(1, "c1", "default", ConsoleChannel.NAME,
                DeliveryStatus.DELIVERED, 1, null, null, NOW));
    }

    @Test
    void shouldNotPrintAnAlertWhoseConsoleDeliveryAnEarlierProcessRecorded() {
        //Given: the outcome an earlier process recorded, read back from the deliveries topic
        AlertEvent a = Fixtures.alert("c1", "default", "power-of-siberia", "Gas deal signed");
        deliver(console(), a, recorder);
        recorder.outcomes.forEach(log::apply);
        //When a new process reads the alert again
        bytes.reset();
        deliver(console(), a, new RecordingRecorder());
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
        deliver(console(), Fixtures.alert("c1", "default", "power-of-siberia", "Gas deal signed"), down);
        //Then: the line is out; the alert stays unacknowledged, so a restart tries again
        assertThat(printed()).startsWith("ALERT power-of-siberia | Gas deal signed | ");
        assertThat(done).hasValue(0);
    }

    @Test
    void shouldBeUsedByItsSubscriptionOnly() {
        ConsoleChannel console = console();
        assertThat(console.usedBy(defaultSubscription)).isTrue();
        assertThat(console.usedBy(Fixtures.subscription("desk", List.of()))).isFalse();
    }
}
