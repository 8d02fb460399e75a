package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.websub.Subscription.Action;
import org.newsmonitor.ingest.websub.Subscription.State;

class SubscriptionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final URI HUB = URI.create("https://hub.example/");
    private static final String TOPIC = "https://news.example/rss.xml";
    private static final WebSubSettings SETTINGS = WebSubSettings.withCallback(URI.create("https://me.example"))
            .withTimings(Duration.ofDays(10), Duration.ofSeconds(60), Duration.ofHours(1));

    private static Subscription requested() {
        return new Subscription("feed-a", HUB, URI.create(TOPIC), "secret", "token", SETTINGS, T0);
    }

    @Test
    void shouldBecomeActiveOnVerificationOfTheTopicAskedForWithTheGrantedLease() {
        Subscription s = requested();
        assertThat(s.state()).isEqualTo(State.PENDING);
        assertThat(s.healthy()).isFalse();
        assertThat(s.verify(TOPIC, "c-123", 3600L, T0.plusSeconds(2))).isNull();
        assertThat(s.state()).isEqualTo(State.ACTIVE);
        assertThat(s.healthy()).isTrue();
        assertThat(s.leaseEndsAt()).isEqualTo(T0.plusSeconds(3602));
        assertThat(s.renewAt()).isEqualTo(T0.plusSeconds(2 + 2880));
    }

    @Test
    void shouldTakeTheRequestedLeaseWhenTheHubNamesNone() {
        Subscription s = requested();
        assertThat(s.verify(TOPIC, "c", null, T0)).isNull();
        assertThat(s.leaseEndsAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
    }

    @Test
    void shouldRefuseVerificationsOfAnotherTopicWithoutChallengeOrNotRequested() {
        Subscription s = requested();
        assertThat(s.verify("https://evil.example/feed", "c", 60L, T0)).contains("was asked for");
        assertThat(s.verify(TOPIC, "", 60L, T0)).isEqualTo("verification without hub.challenge");
        assertThat(s.verify(TOPIC, "c", 0L, T0)).contains("lease_seconds 0");
        assertThat(s.state()).isEqualTo(State.PENDING);
        assertThat(s.verify(TOPIC, "c", 60L, T0)).isNull();
        // a second verification nobody asked for (no renewal pending)
        assertThat(s.verify(TOPIC, "c2", 60L, T0.plusSeconds(1))).contains("not requested");
    }

    @Test
    void shouldFailWhenTheHubDoesNotVerifyInTimeAndResubscribeAfterTheRetryDelay() {
        Subscription s = requested();
        assertThat(s.tick(T0.plusSeconds(59))).isEqualTo(Action.NONE);
        assertThat(s.state()).isEqualTo(State.PENDING);
        assertThat(s.tick(T0.plusSeconds(60))).isEqualTo(Action.NONE);
        assertThat(s.state()).isEqualTo(State.FAILED);
        assertThat(s.failure()).isEqualTo("hub https://hub.example/ did not verify the subscription within 60 s");
        assertThat(s.describe()).startsWith("failed: hub https://hub.example/ did not verify").contains("polling");
        // a late verification is refused
        assertThat(s.verify(TOPIC, "c", 60L, T0.plusSeconds(61))).contains("not requested");
        assertThat(s.tick(T0.plusSeconds(60 + 3599))).isEqualTo(Action.NONE);
        assertThat(s.tick(T0.plusSeconds(60 + 3600))).isEqualTo(Action.RESUBSCRIBE);
    }

    @Test
    void shouldRenewAfterMostOfTheLeaseAndStayActiveWhileTheRenewalIsVerified() {
        Subscription s = requested();
        s.verify(TOPIC, "c", 1000L, T0);
        assertThat(s.tick(T0.plusSeconds(799))).isEqualTo(Action.NONE);
        assertThat(s.tick(T0.plusSeconds(800))).isEqualTo(Action.RENEW);
        s.renewalRequested(T0.plusSeconds(800));
        assertThat(s.tick(T0.plusSeconds(801))).isEqualTo(Action.NONE);
        assertThat(s.healthy()).isTrue();
        // an unverified renewal is asked again while the lease runs
        assertThat(s.tick(T0.plusSeconds(860))).isEqualTo(Action.RENEW);
        s.renewalRequested(T0.plusSeconds(860));
        assertThat(s.verify(TOPIC, "c", 1000L, T0.plusSeconds(870))).isNull();
        assertThat(s.leaseEndsAt()).isEqualTo(T0.plusSeconds(1870));
        assertThat(s.tick(T0.plusSeconds(871))).isEqualTo(Action.NONE);
    }

    @Test
    void shouldFailWhenTheLeaseLapsesWithoutRenewal() {
        Subscription s = requested();
        s.verify(TOPIC, "c", 100L, T0);
        s.renewalRequested(T0.plusSeconds(80));
        assertThat(s.tick(T0.plusSeconds(100))).isEqualTo(Action.NONE);
        assertThat(s.state()).isEqualTo(State.FAILED);
        assertThat(s.failure()).contains("lease at https://hub.example/ ended");
    }

    @Test
    void shouldFailOnDenialOrRefusedDeliveryAndCountAcceptedDeliveries() {
        Subscription s = requested();
        s.verify(TOPIC, "c", 100L, T0);
        s.delivered(T0.plusSeconds(5));
        s.delivered(T0.plusSeconds(6));
        assertThat(s.deliveries()).isEqualTo(2);
        assertThat(s.describe()).isEqualTo("active via https://hub.example/, lease until 2026-03-01T10:01:40Z, "
                + "2 deliveries, last 2026-03-01T10:00:06Z");
        s.fail("delivery refused: no X-Hub-Signature header", T0.plusSeconds(7));
        assertThat(s.healthy()).isFalse();
        assertThat(s.tick(T0.plusSeconds(8))).isEqualTo(Action.NONE);
    }

    @Test
    void shouldCapAGrantedLeaseLongerThanTheOneAskedForInsteadOfOverflowing() {
        Subscription s = requested();
        assertThat(s.verify(TOPIC, "c", Long.MAX_VALUE, T0)).isNull();
        assertThat(s.leaseEndsAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
        assertThat(s.renewAt()).isEqualTo(T0.plus(Duration.ofDays(8)));
        assertThat(s.tick(T0.plus(Duration.ofDays(8)))).isEqualTo(Action.RENEW);
    }

    @Test
    void shouldRefuseALeaseTooShortToRenewWithoutCallingTheHubEverySecond() {
        Subscription s = requested();
        assertThat(s.verify(TOPIC, "c", 1L, T0)).isEqualTo("verification with hub.lease_seconds 1 (at least "
                + Subscription.MIN_LEASE.toSeconds() + " accepted)");
        assertThat(s.state()).isEqualTo(State.PENDING);
        assertThat(s.verify(TOPIC, "c", Subscription.MIN_LEASE.toSeconds(), T0)).isNull();
    }
}
