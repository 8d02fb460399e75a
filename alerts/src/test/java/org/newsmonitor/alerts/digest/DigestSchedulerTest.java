package org.newsmonitor.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.delivery.DeliveryJob;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** The digest scheduler with both its clocks in the test's hands: no threads, no waiting. */
class DigestSchedulerTest {
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    private static final Instant HOUR = Instant.parse("2026-03-02T08:00:00Z");

    private final MutableClock clock = new MutableClock(HOUR.plusSeconds(600));
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<DeliveryJob> sent = new ArrayList<>();
    private final EmailChannel email = new EmailChannel(message -> {
        throw new AssertionError("the scheduler hands jobs over; it sends nothing itself");
    });
    private final DigestScheduler scheduler = new DigestScheduler(email, GIVE_UP_AFTER, CHECK_EVERY, clock,
            nanos::get, sent::add);
    private final AtomicInteger acknowledged = new AtomicInteger();

    private static AlertEvent alertAt(String id, String subscriptionId, Instant createdAt) {
        AlertEvent a = Fixtures.alert(id, subscriptionId, "power-of-siberia", "Story " + id);
        return new AlertEvent(1, a.alertId(), a.subscriptionId(), a.kind(), a.themeId(), a.themeTitle(), a.storyId(),
                a.articleId(), a.title(), a.url(), a.source(), a.publishedAt(), a.score(), a.terms(), a.snippet(),
                createdAt);
    }

    /** Moves both clocks on, as time passing does. */
    private void pass(Duration d) {
        clock.advance(d);
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void shouldSendAnHourlyDigestOnceTheHourHasEnded() {
        //Given
        SubscriptionEvent desk = Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        scheduler.hold(desk, alertAt("d1", "desk", HOUR.plusSeconds(60)), acknowledged::incrementAndGet);
        scheduler.hold(desk, alertAt("d2", "desk", HOUR.plusSeconds(1200)), acknowledged::incrementAndGet);
        //When: checked within the hour, then at its end
        scheduler.sendDue();
        pass(Duration.ofMinutes(49));
        scheduler.sendDue();
        List<DeliveryJob> beforeTheEnd = List.copyOf(sent);
        pass(Duration.ofMinutes(1));
        scheduler.sendDue();
        //Then: one job on the e-mail channel with both alerts, oldest first, and the usual time to give up
        assertThat(beforeTheEnd).isEmpty();
        assertThat(sent).singleElement().satisfies(job -> {
            assertThat(job.channel()).isSameAs(email);
            assertThat(job.subscription()).isEqualTo(desk);
            assertThat(job.alerts()).extracting(AlertEvent::alertId).containsExactly("d1", "d2");
            assertThat(job.attempts()).isZero();
            assertThat(job.giveUpAt()).isEqualTo(HOUR.plusSeconds(3600).plus(GIVE_UP_AFTER));
        });
        assertThat(scheduler.held()).isZero();
    }

    @Test
    void shouldAcknowledgeEveryAlertOfADigestOnlyWhenItsJobIsDone() {
        //Given
        SubscriptionEvent desk = Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        scheduler.hold(desk, alertAt("d1", "desk", HOUR.plusSeconds(60)), acknowledged::incrementAndGet);
        scheduler.hold(desk, alertAt("d2", "desk", HOUR.plusSeconds(120)), acknowledged::incrementAndGet);
        pass(Duration.ofMinutes(50));
        scheduler.sendDue();
        assertThat(acknowledged).hasValue(0);
        //When
        sent.get(0).done().run();
        //Then
        assertThat(acknowledged).hasValue(2);
    }

    @Test
    void shouldAcknowledgeAtOnceAnAlertTheDigestAlreadyHolds() {
        SubscriptionEvent desk = Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        AlertEvent alert = alertAt("d1", "desk", HOUR.plusSeconds(60));
        scheduler.hold(desk, alert, acknowledged::incrementAndGet);
        scheduler.hold(desk, alert, acknowledged::incrementAndGet);
        assertThat(acknowledged).hasValue(1);
        assertThat(scheduler.held()).isEqualTo(1);
    }

    @Test
    void shouldLookForDueDigestsAtMostOncePerInterval() {
        //Given: a digest that became due just after a check
        SubscriptionEvent desk = Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        scheduler.hold(desk, alertAt("d1", "desk", HOUR.plusSeconds(60)), acknowledged::incrementAndGet);
        clock.advance(Duration.ofMinutes(49).plusSeconds(50));
        scheduler.sendDue();
        clock.advance(Duration.ofSeconds(20));
        //When: asked again before the interval has passed on the monotonic clock
        nanos.addAndGet(CHECK_EVERY.minusSeconds(1).toNanos());
        scheduler.sendDue();
        List<DeliveryJob> withinTheInterval = List.copyOf(sent);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        scheduler.sendDue();
        //Then
        assertThat(withinTheInterval).isEmpty();
        assertThat(sent).hasSize(1);
    }

    @Test
    void shouldSendEachSubscriptionsDigestAtTheEndOfItsOwnPeriod() {
        //Given: an hourly and a daily digest
        SubscriptionEvent hourly = Fixtures.emailSubscription("hourly", "h@example.org", DeliveryMode.HOURLY_DIGEST);
        SubscriptionEvent daily = Fixtures.emailSubscription("daily", "d@example.org", DeliveryMode.DAILY_DIGEST);
        scheduler.hold(hourly, alertAt("h1", "hourly", HOUR.plusSeconds(60)), acknowledged::incrementAndGet);
        scheduler.hold(daily, alertAt("x1", "daily", HOUR.plusSeconds(60)), acknowledged::incrementAndGet);
        //When / Then: the hourly one at 09:00, the daily one at midnight UTC
        pass(Duration.ofMinutes(50));
        scheduler.sendDue();
        assertThat(sent).extracting(j -> j.subscription().id()).containsExactly("hourly");
        pass(Duration.ofHours(14).plusMinutes(59));
        scheduler.sendDue();
        assertThat(sent).hasSize(1);
        pass(Duration.ofMinutes(1));
        scheduler.sendDue();
        assertThat(sent).extracting(j -> j.subscription().id()).containsExactly("hourly", "daily");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }
}
