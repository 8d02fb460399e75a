package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.digest.DigestScheduler;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.alerts.subscription.InMemorySubscriptionStore;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;

class AlertDispatcherTest {
    private final MutableClock clock = new MutableClock(Fixtures.T0.plusSeconds(5));
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final RecordingRecorder recorder = new RecordingRecorder();
    private final EndpointQueues queues = new EndpointQueues(RetrySchedule.defaults(), recorder, clock, new Random(1));
    private final EmailChannel email = new EmailChannel(message -> { });
    private final DigestScheduler digests = new DigestScheduler(email, Duration.ofHours(24), Duration.ZERO, clock,
            System::nanoTime, job -> queues.submit(job, Duration.ZERO));
    private final AlertDispatcher dispatcher = new AlertDispatcher(subscriptions,
            new DeliveryPlanner(List.of(email), Duration.ofHours(24)), new DeliveryLog(10, 100)::latest, queues,
            digests, clock);
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AlertEvent alert = Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal");

    @AfterEach
    void stop() {
        queues.close();
    }

    @Test
    void shouldAcknowledgeAnAlertOnceItsDeliveryIsDone() {
        subscriptions.put(Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.IMMEDIATE));
        dispatcher.dispatch(alert, acknowledged::incrementAndGet);
        Await.until("acknowledged", Duration.ofSeconds(10), () -> acknowledged.get() == 1);
        assertThat(recorder.statuses("a1")).containsExactly(DeliveryStatus.DELIVERED);
    }

    @Test
    void shouldAcknowledgeAtOnceAnAlertWithNothingToDeliver() {
        subscriptions.put(Fixtures.subscription("desk", List.of()));
        dispatcher.dispatch(alert, acknowledged::incrementAndGet);
        assertThat(acknowledged).hasValue(1);
        assertThat(recorder.outcomes).isEmpty();
    }

    @Test
    void shouldHoldTheAlertsOfADigestSubscriptionUnacknowledged() {
        subscriptions.put(Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.DAILY_DIGEST));
        dispatcher.dispatch(alert, acknowledged::incrementAndGet);
        assertThat(digests.held()).isEqualTo(1);
        assertThat(acknowledged).hasValue(0);
    }

    @Test
    void shouldCountTheSubscriptionAsDeletedWhenItHasNotAppearedWithinTheGrace() {
        //Given: an alert for a subscription this instance has not seen
        dispatcher.dispatch(alert, acknowledged::incrementAndGet);
        dispatcher.retryAwaitingSubscription();
        assertThat(acknowledged).hasValue(0);
        //When: the grace runs out without it
        clock.advance(AlertDispatcher.SUBSCRIPTION_GRACE);
        dispatcher.retryAwaitingSubscription();
        //Then: done, with nothing delivered
        assertThat(acknowledged).hasValue(1);
        assertThat(recorder.outcomes).isEmpty();
    }

    @Test
    void shouldAcknowledgeAtOnceAnAlertOlderThanTheGraceWhoseSubscriptionIsGone() {
        clock.advance(AlertDispatcher.SUBSCRIPTION_GRACE);
        dispatcher.dispatch(alert, acknowledged::incrementAndGet);
        assertThat(acknowledged).hasValue(1);
    }
}
