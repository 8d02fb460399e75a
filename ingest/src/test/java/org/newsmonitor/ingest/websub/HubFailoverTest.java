package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.newsmonitor.ingest.testing.Await;
import org.newsmonitor.ingest.testing.LocalHub;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * A feed that advertises several hubs: when the hub in use fails, the next advertised one is asked at once; when
 * every one has failed the feed stays on polling and the first is asked again after the retry delay; a changed hub
 * list moves the feed to its first hub. The hubs are local; the test answers their verifications itself (they are
 * {@code /silent}, which accepts and never verifies), on a clock it moves by hand.
 */
class HubFailoverTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String FEED = "multi";
    private static final URI TOPIC = URI.create("http://news.example/rss.xml");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> pollAgain = new CopyOnWriteArrayList<>();
    private LocalHub first;
    private LocalHub second;
    private WebSubSubscriber subscriber;
    private WebSubSubscriber racing;

    @BeforeEach
    void start() throws IOException {
        first = LocalHub.start();
        second = LocalHub.start();
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(first.hostPort(),
                second.hostPort())));
        WebSubSettings settings = WebSubSettings.withCallback(URI.create("http://127.0.0.1:1"))
                .withTimings(Duration.ofHours(10), Duration.ofSeconds(60), Duration.ofHours(1));
        subscriber = new WebSubSubscriber(settings, new HubClient(guard, Duration.ofSeconds(1), Duration.ofSeconds(2),
                "test"), clock);
        subscriber.start(new WebSubSubscriber.Feeds() {
            @Override
            public PollOutcome pushed(String feedId, byte[] body, String contentType) {
                return new PollOutcome(feedId, PollOutcome.Kind.FETCHED, 1, null, null);
            }

            @Override
            public void pollAgain(String feedId) {
                pollAgain.add(feedId);
            }
        });
    }

    @AfterEach
    void stop() {
        subscriber.close();
        first.close();
        second.close();
    }

    private void advertise(URI... hubs) {
        subscriber.discovered(FEED, new HubLinks(List.of(hubs), TOPIC));
    }

    private static long subscribes(LocalHub hub) {
        return hub.requests().stream().filter(r -> r.mode().equals("subscribe")).count();
    }

    // the subscription of the feed once it was requested at {@code hub} (the n-th request there)
    private Subscription requestedAt(LocalHub hub, URI url, long n) {
        Await.until(n + " subscription request(s) at " + url, WAIT, () -> subscribes(hub) >= n
                && subscriber.subscription(FEED) != null && subscriber.subscription(FEED).hub().equals(url)
                && subscriber.subscription(FEED).state() == Subscription.State.PENDING);
        return subscriber.subscription(FEED);
    }

    private void deny(Subscription s) {
        assertThat(subscriber.verification(FEED, s.callbackToken(), "denied", TOPIC.toString(), null, null,
                "topic not served here").status()).isEqualTo(200);
    }

    private void verify(Subscription s) {
        assertThat(subscriber.verification(FEED, s.callbackToken(), "subscribe", TOPIC.toString(), "c", 36_000L, null)
                .status()).isEqualTo(200);
    }

    @Test
    void shouldAskTheSecondHubAtOnceWithANewTokenAndSecretWhenTheFirstDenies() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a, b);
        Subscription atFirst = requestedAt(first, a, 1);

        deny(atFirst);

        Subscription atSecond = requestedAt(second, b, 1);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(atSecond.callbackToken()).isNotEqualTo(atFirst.callbackToken());
        assertThat(atSecond.secret()).isNotEqualTo(atFirst.secret());
        assertThat(second.requests().get(0).form().get("hub.secret")).isEqualTo(atSecond.secret())
                .isNotEqualTo(first.requests().get(0).form().get("hub.secret"));
        verify(atSecond);
        assertThat(subscriber.healthyHub(FEED)).isEqualTo(b);
        // a verification at the first hub's callback is not taken any more
        assertThat(subscriber.verification(FEED, atFirst.callbackToken(), "subscribe", TOPIC.toString(), "c", 3600L,
                null).status()).isEqualTo(404);
    }

    @Test
    void shouldAskTheSecondHubWhenTheFirstDoesNotVerifyInTime() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a, b);
        requestedAt(first, a, 1);

        clock.advance(Duration.ofSeconds(60));

        requestedAt(second, b, 1);
        assertThat(subscriber.describe(FEED)).startsWith("pending: subscribed at " + b)
                .contains("hubs failed: " + a + " at " + T0.plusSeconds(60) + " (hub " + a
                        + " did not verify the subscription within 60 s)");
    }

    @Test
    void shouldAskTheNextHubWhenARequestIsRefusedOrItsAddressIsBlocked() {
        URI refusing = first.url("/refuse");
        // a private address the SSRF guard refuses before any connection
        URI blocked = URI.create("http://10.1.2.3/hub");
        URI b = second.url("/silent");
        advertise(refusing, blocked, b);

        requestedAt(second, b, 1);
        assertThat(first.requests()).hasSize(1);
        assertThat(subscriber.describe(FEED)).contains("hubs failed: " + refusing + " at " + T0 + " (hub " + refusing
                + " refused the subscription request: HTTP 503: hub over capacity), " + blocked + " at " + T0
                + " (hub " + blocked + " refused the subscription request: refused " + blocked);
    }

    @Test
    void shouldPollAtOnceAndAskTheNextHubWhenTheHubInUseSendsABadlySignedDelivery() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a, b);
        Subscription atFirst = requestedAt(first, a, 1);
        verify(atFirst);
        assertThat(subscriber.healthyHub(FEED)).isEqualTo(a);

        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(subscriber.delivery(FEED, atFirst.callbackToken(), "sha256=00", "application/rss+xml", body)
                .status()).isEqualTo(403);

        assertThat(pollAgain).containsExactly(FEED);
        requestedAt(second, b, 1);
    }

    @Test
    void shouldStayOnPollingWhenEveryHubFailedAndAskTheFirstAgainAfterTheRetryDelay() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a, b);
        deny(requestedAt(first, a, 1));
        clock.advance(Duration.ofSeconds(5));
        deny(requestedAt(second, b, 1));

        assertThat(subscriber.healthy(FEED)).isFalse();
        assertThat(subscriber.healthyHub(FEED)).isNull();
        assertThat(subscriber.describe(FEED)).isEqualTo("failed: every hub (2): " + a + " at " + T0 + " (hub " + a
                + " denied the subscription: topic not served here), " + b + " at " + T0.plusSeconds(5) + " (hub " + b
                + " denied the subscription: topic not served here); polling; " + a + " asked again at "
                + T0.plusSeconds(5).plus(Duration.ofHours(1)));
        assertThat(subscribes(first)).isEqualTo(1);

        clock.advance(Duration.ofHours(1));

        Subscription again = requestedAt(first, a, 2);
        assertThat(again.describe()).isEqualTo("pending: subscribed at " + a + " " + clock.instant()
                + ", awaiting verification");
        assertThat(subscribes(second)).isEqualTo(1);
    }

    @Test
    void shouldMoveToTheFirstAdvertisedHubWhenTheHubInUseIsNoLongerAdvertised() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a, b);
        Subscription atFirst = requestedAt(first, a, 1);
        verify(atFirst);
        // the hub in use still advertised, in another place: it stays in use
        advertise(b, a);
        assertThat(subscriber.subscription(FEED)).isSameAs(atFirst);

        advertise(b);

        requestedAt(second, b, 1);
        Await.until("the unsubscription at " + a, WAIT, () -> first.requests().stream().anyMatch(r ->
                r.mode().equals("unsubscribe") && r.callback().endsWith("/" + atFirst.callbackToken())));
        assertThat(subscriber.healthyHub(FEED)).isNull();
    }

    @Test
    void shouldPollAgainAtOnceWhenTheActiveHubIsNoLongerAdvertised() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a);
        verify(requestedAt(first, a, 1));
        assertThat(subscriber.healthyHub(FEED)).isEqualTo(a);

        advertise(b);

        requestedAt(second, b, 1);
        assertThat(pollAgain).containsExactly(FEED);
    }

    @Test
    void shouldNotAskAHubThatFailedInThisRoundAgainBeforeTheRetryDelayWhenTheHubListFlaps() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        advertise(a);
        deny(requestedAt(first, a, 1));
        // a hub never asked in this round is asked at once
        advertise(b);
        deny(requestedAt(second, b, 1));

        advertise(a);

        // nothing is under way: the feed's subscription says what it will do, without waiting
        Subscription failed = subscriber.subscription(FEED);
        assertThat(failed.state()).isEqualTo(Subscription.State.FAILED);
        assertThat(failed.nextHub()).isNull();
        assertThat(failed.tick(clock.instant().plus(Duration.ofMinutes(59)))).isEqualTo(Subscription.Action.NONE);
        assertThat(subscriber.describe(FEED)).startsWith("failed: every hub (1): " + a + " at " + T0)
                .endsWith("; polling; " + a + " asked again at " + clock.instant().plus(Duration.ofHours(1)));
        assertThat(subscribes(first)).as("subscribe requests at a within the hour").isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        requestedAt(first, a, 2);
    }

    @Test
    void shouldKeepTheFailuresOfHubsStillAdvertisedWhenTheFeedMovesOffAPendingHub() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        URI c = first.url("/silent?c");
        advertise(a, b);
        deny(requestedAt(first, a, 1));
        requestedAt(second, b, 1);

        advertise(a, c);

        Subscription atC = requestedAt(first, c, 2);
        assertThat(atC.failedHubs()).extracting(Subscription.HubFailure::hub).containsExactly(a);
        assertThat(subscribes(first)).isEqualTo(2);
    }

    @Test
    void shouldNotPushTheRetryBackWhenAFailedSubscriptionIsDeniedAgain() {
        URI a = first.url("/silent");
        advertise(a);
        Subscription s = requestedAt(first, a, 1);
        deny(s);
        clock.advance(Duration.ofMinutes(59));
        deny(s);
        clock.advance(Duration.ofMinutes(2));
        requestedAt(first, a, 2);
    }

    @Test
    void shouldUseOnlyTheFirstFourDistinctHubsAndSaySoInTheHealth() {
        URI[] hubs = new URI[7];
        for (int i = 0; i < hubs.length; i++) {
            hubs[i] = first.url("/refuse?" + i);
        }
        List<URI> advertised = new java.util.ArrayList<>(List.of(hubs));
        advertised.add(1, URI.create(hubs[0].toString().replace("http:", "HTTP:")));
        subscriber.discovered(FEED, new HubLinks(advertised, TOPIC));

        Await.until("every hub in use failed", WAIT, () -> subscriber.describe(FEED) != null
                && subscriber.describe(FEED).startsWith("failed: every hub (4)"));
        assertThat(subscriber.describe(FEED)).contains(hubs[3].toString()).doesNotContain(hubs[4].toString())
                .endsWith("; 3 more advertised hubs ignored (at most 4 are used)");
        assertThat(subscribes(first)).isEqualTo(4);
    }

    @Test
    void shouldCountOnlyTheHubsStillAdvertisedAmongTheFailedOnes() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        URI c = first.url("/silent?c");
        advertise(a, b, c);
        deny(requestedAt(first, a, 1));
        deny(requestedAt(second, b, 1));
        deny(requestedAt(first, c, 2));
        assertThat(subscriber.describe(FEED)).startsWith("failed: every hub (3)");

        advertise(b, c);

        assertThat(subscriber.subscription(FEED).failedHubs()).extracting(Subscription.HubFailure::hub)
                .containsExactly(b, c);
        assertThat(subscriber.describe(FEED)).startsWith("failed: every hub (2): " + b + " at ")
                .doesNotContain(a + " at ");
    }

    @Test
    void shouldNotSubscribeAFeedRemovedWhileItsSubscriptionIsBeingMade() throws IOException {
        URI a = first.url("/silent");
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        java.time.Clock removingClock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                // the feed is removed just as its subscription is created on a subscriber thread
                if (StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getMethodName()
                        .equals("subscribeFirst"))) && armed.compareAndSet(true, false)) {
                    racing.removed(FEED);
                }
                return T0;
            }
        };
        racing = new WebSubSubscriber(WebSubSettings.withCallback(URI.create("http://127.0.0.1:1")), new HubClient(
                new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(List.of(first.hostPort()))), Duration.ofSeconds(1),
                Duration.ofSeconds(2), "test"), removingClock);
        try {
            racing.start(new WebSubSubscriber.Feeds() {
                @Override
                public PollOutcome pushed(String feedId, byte[] body, String contentType) {
                    return null;
                }

                @Override
                public void pollAgain(String feedId) {
                }
            });
            armed.set(true);
            racing.discovered(FEED, new HubLinks(List.of(a), TOPIC));

            Await.until("the subscription attempt to end", WAIT, () -> !armed.get() && !racing.requesting(FEED));
            assertThat(racing.subscription(FEED)).isNull();
            assertThat(first.requests()).isEmpty();
        } finally {
            racing.close();
        }
    }

    @Test
    void shouldAcceptTheUnsubscriptionOfEveryHubTheFeedMovedOffBeforeEitherIsVerified() {
        URI a = first.url("/silent");
        URI b = second.url("/silent");
        URI c = first.url("/silent?c");
        advertise(a);
        Subscription atA = requestedAt(first, a, 1);
        verify(atA);
        advertise(b);
        Subscription atB = requestedAt(second, b, 1);
        verify(atB);

        advertise(c);

        requestedAt(first, c, 2);
        Await.until("both unsubscriptions", WAIT, () -> first.requests().stream().anyMatch(r ->
                r.mode().equals("unsubscribe")) && second.requests().stream().anyMatch(r ->
                r.mode().equals("unsubscribe")));
        assertThat(subscriber.verification(FEED, atA.callbackToken(), "unsubscribe", TOPIC.toString(), "x", null,
                null).status()).isEqualTo(200);
        assertThat(subscriber.verification(FEED, atB.callbackToken(), "unsubscribe", TOPIC.toString(), "y", null,
                null).status()).isEqualTo(200);
        // each is taken once
        assertThat(subscriber.verification(FEED, atA.callbackToken(), "unsubscribe", TOPIC.toString(), "x", null,
                null).status()).isEqualTo(404);
    }
}
