package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private static final URI HUB_B = URI.create("https://b.hub.example/");
    private static final URI HUB_C = URI.create("https://c.hub.example/");

    private static Subscription firstOf(URI... hubs) {
        return Subscription.first("feed-a", new HubLinks(List.of(hubs), URI.create(TOPIC)), "s1", "t1", SETTINGS, T0);
    }

    @Test
    void shouldNameTheNextAdvertisedHubAtOnceAfterAFailureAndKeepTheFailedOnesInTheHealthText() {
        Subscription a = firstOf(HUB, HUB_B, HUB_C);
        assertThat(a.hub()).isEqualTo(HUB);
        assertThat(a.nextHub()).isNull();
        assertThat(a.next("s2", "t2", T0)).isNull();
        a.fail("hub https://hub.example/ denied the subscription: no", T0.plusSeconds(1));
        assertThat(a.nextHub()).isEqualTo(HUB_B);
        assertThat(a.tick(T0.plusSeconds(1))).isEqualTo(Action.NEXT_HUB);
        assertThat(a.describe()).isEqualTo("failed: hub https://hub.example/ denied the subscription: no; polling; "
                + "asking https://b.hub.example/ next");

        Subscription b = a.next("s2", "t2", T0.plusSeconds(2));
        assertThat(b.hub()).isEqualTo(HUB_B);
        assertThat(b.secret()).isEqualTo("s2");
        assertThat(b.callbackToken()).isEqualTo("t2");
        assertThat(b.topic()).isEqualTo(URI.create(TOPIC));
        assertThat(b.state()).isEqualTo(State.PENDING);
        assertThat(b.describe()).isEqualTo("pending: subscribed at https://b.hub.example/ 2026-03-01T10:00:02Z, "
                + "awaiting verification; hubs failed: https://hub.example/ at 2026-03-01T10:00:01Z (hub "
                + "https://hub.example/ denied the subscription: no)");
        assertThat(b.verify(TOPIC, "c", 100L, T0.plusSeconds(3))).isNull();
        assertThat(b.describe()).isEqualTo("active via https://b.hub.example/, lease until 2026-03-01T10:01:43Z, "
                + "0 deliveries; hubs failed: https://hub.example/ at 2026-03-01T10:00:01Z (hub https://hub.example/ "
                + "denied the subscription: no)");
        // a hub in use stays in use until it fails; then the one after it
        assertThat(b.tick(T0.plusSeconds(50))).isEqualTo(Action.NONE);
        b.fail("delivery refused: no X-Hub-Signature header", T0.plusSeconds(60));
        assertThat(b.nextHub()).isEqualTo(HUB_C);
        assertThat(b.next("s3", "t3", T0.plusSeconds(60)).failedHubs()).extracting(Subscription.HubFailure::hub)
                .containsExactly(HUB, HUB_B);
    }

    @Test
    void shouldStayOnPollingWhenEveryHubFailedAndStartAgainAtTheFirstAfterTheRetryDelay() {
        Subscription a = firstOf(HUB, HUB_B);
        a.fail("hub https://hub.example/ denied the subscription", T0);
        Subscription b = a.next("s2", "t2", T0);
        assertThat(b.tick(T0.plusSeconds(60))).isEqualTo(Action.NONE);
        assertThat(b.state()).isEqualTo(State.FAILED);
        assertThat(b.nextHub()).isNull();
        assertThat(b.healthy()).isFalse();
        assertThat(b.describe()).isEqualTo("failed: every hub (2): https://hub.example/ at 2026-03-01T10:00:00Z (hub "
                + "https://hub.example/ denied the subscription), https://b.hub.example/ at 2026-03-01T10:01:00Z (hub "
                + "https://b.hub.example/ did not verify the subscription within 60 s); polling; "
                + "https://hub.example/ asked again at 2026-03-01T11:01:00Z");
        assertThat(b.tick(T0.plusSeconds(60 + 3599))).isEqualTo(Action.NONE);
        assertThat(b.tick(T0.plusSeconds(60 + 3600))).isEqualTo(Action.RESUBSCRIBE);
    }

    @Test
    void shouldSayWhenTheHubInUseIsNoLongerAdvertisedAndChooseTheNextHubAmongThoseAdvertisedNow() {
        Subscription a = firstOf(HUB, HUB_B);
        assertThat(a.readvertised(List.of(HUB_B, HUB))).isFalse();
        assertThat(a.readvertised(List.of(HUB_B))).isTrue();
        // every hub failed, then the feed names one more: it is asked at once
        Subscription b = firstOf(HUB);
        b.fail("hub https://hub.example/ denied the subscription", T0);
        assertThat(b.tick(T0.plusSeconds(1))).isEqualTo(Action.NONE);
        assertThat(b.readvertised(List.of(HUB, HUB_C))).isFalse();
        assertThat(b.tick(T0.plusSeconds(2))).isEqualTo(Action.NEXT_HUB);
        assertThat(b.nextHub()).isEqualTo(HUB_C);
    }

    @Test
    void shouldKeepTheRetryTimeWhenAFailedSubscriptionFailsAgain() {
        Subscription a = firstOf(HUB);
        assertThat(a.fail("hub https://hub.example/ denied the subscription", T0)).isTrue();
        assertThat(a.fail("hub https://hub.example/ denied the subscription", T0.plusSeconds(3540))).isFalse();
        assertThat(a.failure()).isEqualTo("hub https://hub.example/ denied the subscription");
        assertThat(a.tick(T0.plusSeconds(3600))).isEqualTo(Action.RESUBSCRIBE);
    }

    @Test
    void shouldAskAtMostFourHubsInARoundHoweverTheListChanges() {
        Subscription s = firstOf(URI.create("https://h0.example/"));
        for (int i = 1; i <= 4; i++) {
            s.fail("denied", T0.plusSeconds(i));
            // the feed now names only a hub never asked
            s.readvertised(List.of(URI.create("https://h" + i + ".example/")));
            if (i < 4) {
                s = s.next("s", "t", T0.plusSeconds(i));
                assertThat(s.hub()).isEqualTo(URI.create("https://h" + i + ".example/"));
            }
        }
        assertThat(s.nextHub()).isNull();
        assertThat(s.tick(T0.plusSeconds(5))).isEqualTo(Action.NONE);
        assertThat(s.tick(T0.plusSeconds(4 + 3600))).isEqualTo(Action.RESUBSCRIBE);
    }

    @Test
    void shouldUseTheFirstFourHubsAndCountOnlyAdvertisedOnesAmongTheFailed() {
        List<URI> six = List.of(HUB, HUB_B, HUB_C, URI.create("https://d.hub.example/"),
                URI.create("https://e.hub.example/"), URI.create("https://f.hub.example/"));
        Subscription s = Subscription.first("feed-a", new HubLinks(six, URI.create(TOPIC)), "s1", "t1", SETTINGS, T0);
        for (int i = 0; i < 3; i++) {
            s.fail("denied", T0);
            s = s.next("s", "t", T0);
        }
        s.fail("denied", T0);
        assertThat(s.nextHub()).isNull();
        assertThat(s.describe()).startsWith("failed: every hub (4): ")
                .endsWith("; 2 more advertised hubs ignored (at most 4 are used)");
        s.readvertised(List.of(HUB_B, HUB_C));
        assertThat(s.failedHubs()).extracting(Subscription.HubFailure::hub).containsExactly(HUB_B, HUB_C);
        assertThat(s.describe()).startsWith("failed: every hub (2): https://b.hub.example/ at ");
    }
}
