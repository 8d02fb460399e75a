package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.digest.DigestScheduler;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.alerts.digest.MailMessage;
import org.newsmonitor.alerts.subscription.InMemorySubscriptionStore;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;

class AlertDeliveryConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TopicPartition P0 = new TopicPartition(Topics.ALERTS.name(), 0);
    private final Instant start = Instant.parse("2026-03-02T08:10:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final MockConsumer<String, byte[]> mock = new MockConsumer<>("earliest");
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final DeliveryLog log = new DeliveryLog(100, 1000);
    private final RecordingRecorder recorder = new RecordingRecorder();
    private final List<DeadLetterEvent> deadLetters = new CopyOnWriteArrayList<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<MailMessage> mails = new CopyOnWriteArrayList<>();
    private final Set<String> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private EndpointQueues queues;
    private AlertDeliveryConsumer consumer;
    private long nextOffset;

    @BeforeEach
    void start() {
        WebhookClient client = (url, headers, body, timeout) -> {
            String id = headers.get(WebhookSignature.ID_HEADER);
            if (blocked.contains(id)) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            posted.add(id);
            return new WebhookClient.Response(200, null, null);
        };
        queues = new EndpointQueues(new RetrySchedule(Duration.ofMillis(20), 2, Duration.ofMillis(50),
                Duration.ofHours(1), 0), recorder, clock, new Random(1));
        EmailChannel email = new EmailChannel(mails::add);
        Duration giveUpAfter = RetrySchedule.defaults().giveUpAfter();
        DigestScheduler digests = new DigestScheduler(email, giveUpAfter, Duration.ofMillis(10), clock,
                System::nanoTime, job -> queues.submit(job, Duration.ZERO));
        DeliveryPlanner planner = new DeliveryPlanner(List.of(
                new ConsoleChannel(new PrintStream(consoleBytes, true, StandardCharsets.UTF_8), "default"),
                new WebhookChannel(client, Duration.ofSeconds(1), clock), email), giveUpAfter);
        consumer = new AlertDeliveryConsumer(mock, new AlertDispatcher(subscriptions, planner, log::latest, queues,
                digests, clock), digests, (event, error) -> deadLetters.add(event), clock, 100);
        mock.schedulePollTask(() -> {
            mock.rebalance(List.of(P0));
            mock.updateBeginningOffsets(Map.of(P0, 0L));
        });
        consumer.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        consumer.close();
        queues.close();
    }

    private void send(AlertEvent alert) {
        mock.addRecord(new ConsumerRecord<>(P0.topic(), 0, nextOffset++, alert.subscriptionId(),
                Topics.ALERTS.valueSerde().serialize(P0.topic(), alert)));
    }

    private long committed() {
        OffsetAndMetadata o = mock.committed(Set.of(P0)).get(P0);
        return o == null ? -1 : o.offset();
    }

    private AlertEvent alert(String id, String subscription) {
        AlertEvent a = Fixtures.alert(id, subscription, "power-of-siberia", "Story " + id);
        return new AlertEvent(1, a.alertId(), a.subscriptionId(), a.kind(), a.themeId(), a.themeTitle(), a.storyId(),
                a.articleId(), a.title(), a.url(), a.source(), a.publishedAt(), a.score(), a.terms(), a.snippet(), start);
    }

    @Test
    void shouldCommitAnAlertOnlyAfterItWasDelivered() {
        //Given: a slow endpoint and a fast one
        subscriptions.put(Fixtures.webhookSubscription("slow", "https://hooks.example.org/slow", "s3cret-s3cret-s3cret"));
        subscriptions.put(Fixtures.webhookSubscription("fast", "https://hooks.example.org/fast", "s3cret-s3cret-s3cret"));
        blocked.add("a0");
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When
        send(alert("a0", "slow"));
        send(alert("a1", "fast"));
        //Then: the fast one is delivered, but the commit waits for the slow one
        Await.until("fast delivery", WAIT, () -> posted.contains("a1"));
        Await.until("a commit", WAIT, () -> committed() == 0);
        assertThat(posted).doesNotContain("a0");
        release.countDown();
        Await.until("commit after the slow delivery", WAIT, () -> committed() == 2);
        assertThat(recorder.statuses("a0")).containsExactly(DeliveryStatus.DELIVERED);
    }

    @Test
    void shouldSkipWhatWasDeliveredAndResumeRetriesAfterARestart() {
        //Given: outcomes recorded before the restart
        subscriptions.put(Fixtures.webhookSubscription("s", "https://hooks.example.org/x", "s3cret-s3cret-s3cret"));
        log.apply(new DeliveryEvent(1, "done", "s", "webhook", DeliveryStatus.DELIVERED, 1, "HTTP 200", null, start));
        log.apply(new DeliveryEvent(1, "retry", "s", "webhook", DeliveryStatus.RETRYING, 3, "HTTP 500",
                start.minusSeconds(5), start.minusSeconds(60)));
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When
        send(alert("done", "s"));
        send(alert("retry", "s"));
        //Then
        Await.until("both finished", WAIT, () -> committed() == 2);
        assertThat(posted).containsExactly("retry");
        assertThat(recorder.outcomes).singleElement().satisfies(o -> {
            assertThat(o.alertId()).isEqualTo("retry");
            assertThat(o.attempts()).isEqualTo(4);
        });
    }

    @Test
    void shouldDeadLetterAnUnreadableAlertAndCarryOn() {
        //Given
        subscriptions.put(Fixtures.webhookSubscription("s", "https://hooks.example.org/x", "s3cret-s3cret-s3cret"));
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When
        mock.addRecord(new ConsumerRecord<>(P0.topic(), 0, nextOffset++, "s", "{oops".getBytes(StandardCharsets.UTF_8)));
        send(alert("ok", "s"));
        //Then
        Await.until("committed past both", WAIT, () -> committed() == 2);
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("alerts.deliver-alerts");
            assertThat(d.sourceOffset()).isZero();
            assertThat(d.payload()).isEqualTo("{oops");
        });
        assertThat(posted).containsExactly("ok");
    }

    @Test
    void shouldPrintTheDefaultSubscriptionsAlertsOnTheConsole() {
        //Given
        subscriptions.put(Fixtures.subscription("default", List.of()));
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When
        send(alert("c1", "default"));
        //Then
        Await.until("committed", WAIT, () -> committed() == 1);
        assertThat(consoleBytes.toString(StandardCharsets.UTF_8)).startsWith("ALERT power-of-siberia | Story c1 | ");
    }

    @Test
    void shouldNotPrintAgainAnAlertTheConsolePrintedBeforeARestart() {
        //Given: c1 was printed before the restart (its console outcome is on the deliveries topic), c2 was not
        subscriptions.put(Fixtures.subscription("default", List.of()));
        log.apply(new DeliveryEvent(1, "c1", "default", ConsoleChannel.NAME, DeliveryStatus.DELIVERED, 1, null, null,
                start.minusSeconds(30)));
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When: the restarted service reads both again, as it does while an older delivery is pending
        send(alert("c1", "default"));
        send(alert("c2", "default"));
        //Then: only c2 is printed, and that it was printed is recorded like any other channel's outcome
        Await.until("committed", WAIT, () -> committed() == 2);
        assertThat(consoleBytes.toString(StandardCharsets.UTF_8).lines())
                .singleElement().asString().startsWith("ALERT power-of-siberia | Story c2 | ");
        assertThat(recorder.outcomes).filteredOn(o -> o.channel().equals(ConsoleChannel.NAME))
                .singleElement().satisfies(o -> {
                    assertThat(o.alertId()).isEqualTo("c2");
                    assertThat(o.subscriptionId()).isEqualTo("default");
                    assertThat(o.status()).isEqualTo(DeliveryStatus.DELIVERED);
                });
    }

    @Test
    void shouldHoldDigestAlertsUncommittedUntilTheDigestWasSent() {
        //Given
        subscriptions.put(Fixtures.emailSubscription("digest", "desk@example.org", DeliveryMode.HOURLY_DIGEST));
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        //When
        send(alert("d1", "digest"));
        send(alert("d2", "digest"));
        Await.until("first commit", WAIT, () -> committed() == 0);
        assertThat(mails).isEmpty();
        clock.advance(Duration.ofMinutes(50));
        //Then
        Await.until("digest sent and committed", WAIT, () -> committed() == 2);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("desk@example.org");
            assertThat(m.text()).contains("Story d1").contains("Story d2");
        });
    }

    @Test
    void shouldWaitBrieflyForASubscriptionItHasNotSeenYet() {
        //Given
        Await.until("assignment", WAIT, () -> !mock.assignment().isEmpty());
        send(alert("late", "new-sub"));
        Await.until("first commit", WAIT, () -> committed() == 0);
        //When: the subscription shows up in the view
        subscriptions.put(Fixtures.webhookSubscription("new-sub", "https://hooks.example.org/n", "s3cret-s3cret-s3cret"));
        //Then
        Await.until("delivered", WAIT, () -> posted.contains("late"));
        Await.until("committed", WAIT, () -> committed() == 1);
    }

    @Test
    void shouldReportStoppedOnlyOnceTheStartedLoopHasEnded() {
        //Given: a consumer not started yet, as while the service loads its views
        AlertDeliveryConsumer notYet = new AlertDeliveryConsumer(new MockConsumer<>("earliest"), null, null, null,
                clock, 100);
        //Then
        assertThat(notYet.stopped()).isFalse();
        notYet.close();
        assertThat(notYet.stopped()).isFalse();
        assertThat(consumer.stopped()).isFalse();
        //When
        consumer.close();
        //Then
        assertThat(consumer.stopped()).isTrue();
    }
}
