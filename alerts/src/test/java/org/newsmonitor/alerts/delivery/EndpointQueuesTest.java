package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.CapturedLog;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

class EndpointQueuesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:10:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SubscriptionEvent subscription = Fixtures.subscription("default", List.of());
    private final AlertEvent alert = Fixtures.alert("c1", "default", "power-of-siberia", "Gas deal signed");
    private final AtomicInteger acknowledged = new AtomicInteger();

    /** Delivers every alert at once, as the console does. */
    private static final Channel CONSOLE = new Channel() {
        @Override
        public String name() {
            return "console";
        }

        @Override
        public boolean usedBy(SubscriptionEvent subscription) {
            return true;
        }

        @Override
        public String endpoint(SubscriptionEvent subscription) {
            return "console";
        }

        @Override
        public Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt) {
            return new Outcome.Delivered(null);
        }
    };

    /** Records outcomes as the deliveries topic's writer does: blocked until the broker acks, or interrupted. */
    private static final class WaitingRecorder implements DeliveryRecorder {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch ack = new CountDownLatch(1);
        final AtomicInteger recorded = new AtomicInteger();
        volatile boolean interruptedAlready;

        @Override
        public void outcome(DeliveryEvent event) {
            writing.countDown();
            try {
                if (interruptedAlready) {
                    throw new InterruptedException();
                }
                if (!ack.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Cannot write to Kafka topic news-deliveries: no ack");
                }
                recorded.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing to news-deliveries", e);
            }
        }

        @Override
        public void deadLetter(DeadLetterEvent event) {
            throw new AssertionError("nothing is dead-lettered here");
        }
    }

    private void submit(EndpointQueues queues) {
        queues.submit(new DeliveryJob(CONSOLE, subscription, List.of(alert), 1, NOW.plus(Duration.ofHours(24)),
                acknowledged::incrementAndGet), Duration.ZERO);
    }

    @Test
    void shouldNotLogAnErrorWhenClosingInterruptsTheWriteOfAnOutcome() throws Exception {
        //Given a delivery whose outcome is being written to the deliveries topic
        WaitingRecorder recorder = new WaitingRecorder();
        EndpointQueues queues = new EndpointQueues(RetrySchedule.defaults(), recorder, new MutableClock(NOW),
                new Random(1));
        try (CapturedLog log = new CapturedLog()) {
            submit(queues);
            assertThat(recorder.writing.await(10, TimeUnit.SECONDS)).as("the outcome is being written").isTrue();
            //When the service shuts down
            queues.close();
            //Then the alert stays unacknowledged (so it is read again after the restart), and nothing is an error
            Await.until("the interrupted attempt ended", WAIT, () -> queues.pending() == 0);
            assertThat(recorder.recorded).hasValue(0);
            assertThat(acknowledged).hasValue(0);
            assertThat(log.lines()).noneMatch(line -> line.contains("ERROR"));
            assertThat(log.lines()).anyMatch(line -> line.contains(" INFO ") && line.contains("EndpointQueues")
                    && line.contains("console") && line.contains("Interrupted while writing to news-deliveries")
                    && line.contains("attempted again after the restart"));
        }
    }

    @Test
    void shouldStillLogAnErrorWhenAWriteIsInterruptedWhileTheQueuesRun() {
        //Given a writer whose thread was interrupted by something other than closing
        WaitingRecorder recorder = new WaitingRecorder();
        recorder.interruptedAlready = true;
        try (EndpointQueues queues = new EndpointQueues(RetrySchedule.defaults(), recorder, new MutableClock(NOW),
                new Random(1)); CapturedLog log = new CapturedLog()) {
            //When a delivery's outcome cannot be written
            submit(queues);
            Await.until("the attempt ended", WAIT, () -> queues.pending() == 0);
            //Then that is an error, and the alert stays unacknowledged
            Await.until("the error is logged", WAIT, () -> log.lines().stream().anyMatch(line -> line.contains("ERROR")
                    && line.contains("Cannot record the delivery outcome for console")
                    && line.contains("Interrupted while writing to news-deliveries")));
            assertThat(acknowledged).hasValue(0);
        }
    }
}
