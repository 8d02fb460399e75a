package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.Fixtures.alert;
import static org.newsmonitor.alerts.testing.Fixtures.webhookSubscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.testing.WebhookReceiver;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;

class WebhookDeliveryTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private WebhookReceiver receiver;
    private RecordingRecorder recorder;
    private EndpointQueues queues;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        recorder = new RecordingRecorder();
    }

    @AfterEach
    void stop() {
        if (queues != null) {
            queues.close();
        }
        receiver.close();
    }

    private WebhookChannel channel(Duration timeout, boolean allowReceiver) {
        AddressAllowList allow = allowReceiver ? AddressAllowList.of(List.of("127.0.0.1:" + receiver.port()))
                : AddressAllowList.none();
        return new WebhookChannel(new HttpWebhookClient(new SsrfGuard(Resolver.SYSTEM, allow), Duration.ofSeconds(2)),
                timeout, Clock.systemUTC());
    }

    private void queues(Duration giveUpAfter) {
        queues = new EndpointQueues(new RetrySchedule(Duration.ofMillis(50), 2, Duration.ofMillis(200), giveUpAfter, 0.2),
                recorder, Clock.systemUTC(), new Random(7));
    }

    private void deliver(WebhookChannel channel, SubscriptionEvent s, AlertEvent a, Duration giveUpAfter) {
        queues.submit(new DeliveryJob(channel, s, List.of(a), 0, Instant.now().plus(giveUpAfter), done::incrementAndGet),
                Duration.ZERO);
    }

    @Test
    void shouldRetryAFailingThenTimingOutEndpointUntilItSucceedsWithTheSameIdAndFreshSignatures() throws Exception {
        //Given: 500, then a hang longer than the timeout, then 200
        CountDownLatch release = new CountDownLatch(1);
        receiver.script("/flaky", (n, ex) -> {
            if (n == 1) {
                WebhookReceiver.respond(ex, 500, Map.of());
            } else if (n == 2) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                WebhookReceiver.respond(ex, 200, Map.of());
            } else {
                WebhookReceiver.respond(ex, 200, Map.of());
            }
        });
        queues(Duration.ofSeconds(30));
        SubscriptionEvent s = webhookSubscription("sub-1", receiver.url("/flaky"), SECRET);
        AlertEvent a = alert("alert-1", "sub-1", "power-of-siberia", "Pipeline <b>deal</b> \"signed\"");
        //When
        deliver(channel(Duration.ofMillis(500), true), s, a, Duration.ofSeconds(30));
        //Then
        Await.until("delivery", WAIT, () -> done.get() == 1);
        release.countDown();
        assertThat(recorder.statuses("alert-1")).containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.RETRYING,
                DeliveryStatus.DELIVERED);
        DeliveryEvent timeout = recorder.outcomes.get(1);
        assertThat(timeout.detail()).contains("no answer");
        assertThat(recorder.outcomes.get(0).detail()).isEqualTo("HTTP 500");
        assertThat(recorder.outcomes.get(0).nextAttemptAt()).isAfter(recorder.outcomes.get(0).at());
        assertThat(recorder.outcomes.get(2).attempts()).isEqualTo(3);
        List<WebhookReceiver.Hit> hits = receiver.hits("/flaky");
        assertThat(hits).hasSizeGreaterThanOrEqualTo(3);
        assertThat(hits).allMatch(WebhookReceiver.Hit::signatureValid);
        assertThat(hits).extracting(WebhookReceiver.Hit::id).containsOnly("alert-1");
        assertThat(receiver.effects).containsExactly("alert-1");
        JsonNode body = Json.mapper().readTree(hits.get(0).body());
        assertThat(body.get("type").asText()).isEqualTo("alert");
        assertThat(body.get("data").get("title").asText()).isEqualTo("Pipeline <b>deal</b> \"signed\"");
    }

    @Test
    void shouldDeadLetterWithTheReasonWhenTheEndpointKeepsFailing() {
        //Given
        receiver.script("/down", WebhookReceiver.statuses(n -> 503));
        queues(Duration.ofSeconds(3));
        SubscriptionEvent s = webhookSubscription("sub-2", receiver.url("/down"), SECRET);
        //When
        deliver(channel(Duration.ofSeconds(2), true), s, alert("alert-2", "sub-2", "arms-sales", "t"),
                Duration.ofSeconds(3));
        //Then
        Await.until("dead letter", WAIT, () -> done.get() == 1);
        List<DeliveryStatus> statuses = recorder.statuses("alert-2");
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(DeliveryStatus.DEAD_LETTERED);
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(DeliveryStatus.RETRYING).isNotEmpty();
        assertThat(recorder.deadLetters).hasSize(1);
        assertThat(recorder.deadLetters.get(0).reason()).contains("gave up after").contains("HTTP 503");
        assertThat(recorder.deadLetters.get(0).stage()).isEqualTo("alerts.webhook");
        assertThat(recorder.deadLetters.get(0).payload()).contains("alert-2");
    }

    @Test
    void shouldNotDelayAHealthyEndpointWhileAnotherHangs() {
        //Given
        CountDownLatch release = new CountDownLatch(1);
        receiver.script("/hang", (n, ex) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            WebhookReceiver.respond(ex, 200, Map.of());
        });
        queues(Duration.ofSeconds(30));
        WebhookChannel channel = channel(Duration.ofSeconds(15), true);
        SubscriptionEvent hanging = webhookSubscription("sub-h", receiver.url("/hang"), SECRET);
        SubscriptionEvent healthy = webhookSubscription("sub-ok", receiver.url("/ok"), SECRET);
        //When
        for (int i = 0; i < 3; i++) {
            deliver(channel, hanging, alert("h" + i, "sub-h", "arms-sales", "t"), Duration.ofSeconds(30));
        }
        for (int i = 0; i < 5; i++) {
            deliver(channel, healthy, alert("ok" + i, "sub-ok", "arms-sales", "t"), Duration.ofSeconds(30));
        }
        //Then: all healthy deliveries are done while the hanging endpoint still holds its first request
        Await.until("healthy deliveries", WAIT, () -> receiver.effects.size() == 5);
        assertThat(receiver.hits("/hang")).hasSize(1);
        assertThat(receiver.effects).containsExactlyInAnyOrder("ok0", "ok1", "ok2", "ok3", "ok4");
        release.countDown();
        Await.until("hanging deliveries", WAIT, () -> done.get() == 8);
        assertThat(receiver.hits("/hang")).hasSize(3);
    }

    @Test
    void shouldDisableAnEndpointThatAnswers410() {
        //Given
        receiver.script("/gone", WebhookReceiver.statuses(n -> 410));
        queues(Duration.ofSeconds(30));
        WebhookChannel channel = channel(Duration.ofSeconds(2), true);
        SubscriptionEvent s = webhookSubscription("sub-g", receiver.url("/gone"), SECRET);
        //When
        deliver(channel, s, alert("g1", "sub-g", "arms-sales", "t"), Duration.ofSeconds(30));
        Await.until("first dead letter", WAIT, () -> done.get() == 1);
        deliver(channel, s, alert("g2", "sub-g", "arms-sales", "t"), Duration.ofSeconds(30));
        //Then
        Await.until("second dead letter", WAIT, () -> done.get() == 2);
        assertThat(receiver.hits("/gone")).hasSize(1);
        assertThat(recorder.statuses("g1")).containsExactly(DeliveryStatus.DEAD_LETTERED);
        assertThat(recorder.deadLetters.get(1).reason()).contains("disabled");
    }

    @Test
    void shouldMarkADeliveryAnsweredWithARedirectFailedAtOnceWithoutFollowingIt() {
        //Given
        receiver.script("/moved", (n, ex) -> WebhookReceiver.respond(ex, n < 3 ? 302 : 200,
                Map.of("Location", receiver.url("/elsewhere"))));
        queues(Duration.ofHours(24));
        SubscriptionEvent s = webhookSubscription("sub-r", receiver.url("/moved"), SECRET);
        //When
        deliver(channel(Duration.ofSeconds(2), true), s, alert("r1", "sub-r", "arms-sales", "t"), Duration.ofHours(24));
        //Then
        Await.until("delivery", WAIT, () -> done.get() == 1);
        assertThat(receiver.hits("/elsewhere")).isEmpty();
        assertThat(receiver.hits("/moved")).hasSize(1);
        assertThat(recorder.statuses("r1")).containsExactly(DeliveryStatus.DEAD_LETTERED);
        assertThat(recorder.deadLetters.get(0).reason()).contains("302").contains("not followed")
                .contains(receiver.url("/elsewhere"));
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSays() {
        //Given
        receiver.script("/busy", (n, ex) -> WebhookReceiver.respond(ex, n == 1 ? 429 : 200, Map.of("Retry-After", "1")));
        queues(Duration.ofSeconds(30));
        SubscriptionEvent s = webhookSubscription("sub-b", receiver.url("/busy"), SECRET);
        //When
        deliver(channel(Duration.ofSeconds(2), true), s, alert("b1", "sub-b", "arms-sales", "t"), Duration.ofSeconds(30));
        //Then
        Await.until("delivery", WAIT, () -> done.get() == 1);
        DeliveryEvent retry = recorder.outcomes.get(0);
        assertThat(retry.detail()).isEqualTo("HTTP 429");
        assertThat(Duration.between(retry.at(), retry.nextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        List<WebhookReceiver.Hit> hits = receiver.hits("/busy");
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void shouldRefuseToDialALoopbackEndpointAtSendTimeWhenNotAllowed() {
        //Given: the subscription was stored earlier (e.g. before the policy changed); nothing may reach the receiver
        queues(Duration.ofSeconds(30));
        SubscriptionEvent s = webhookSubscription("sub-p", receiver.url("/admin"), SECRET);
        //When
        deliver(channel(Duration.ofSeconds(2), false), s, alert("p1", "sub-p", "arms-sales", "t"), Duration.ofSeconds(30));
        //Then
        Await.until("dead letter", WAIT, () -> done.get() == 1);
        assertThat(receiver.hits).isEmpty();
        assertThat(recorder.statuses("p1")).containsExactly(DeliveryStatus.DEAD_LETTERED);
        assertThat(recorder.deadLetters.get(0).reason()).contains("refused to dial").contains("loopback");
    }

    @Test
    void shouldRetryToTheNewUrlWhenTheSubscriptionChangesAndStopWhenItIsDeleted() {
        //Given: an endpoint that always fails, and a subscription the owner then fixes
        receiver.script("/old", WebhookReceiver.statuses(n -> 500));
        queues(Duration.ofSeconds(30));
        java.util.Map<String, SubscriptionEvent> current = new java.util.concurrent.ConcurrentHashMap<>();
        queues.followSubscriptionChanges(id -> java.util.Optional.ofNullable(current.get(id)));
        SubscriptionEvent old = webhookSubscription("sub-c", receiver.url("/old"), SECRET);
        current.put("sub-c", old);
        WebhookChannel channel = channel(Duration.ofSeconds(2), true);
        deliver(channel, old, alert("c1", "sub-c", "arms-sales", "t"), Duration.ofSeconds(30));
        Await.until("a failed attempt", WAIT, () -> !receiver.hits("/old").isEmpty());
        //When
        current.put("sub-c", webhookSubscription("sub-c", receiver.url("/new"), SECRET));
        //Then
        Await.until("delivered to the new URL", WAIT, () -> done.get() == 1);
        assertThat(receiver.hits("/new")).hasSize(1);
        assertThat(recorder.statuses("c1")).endsWith(DeliveryStatus.DELIVERED);

        //When the subscription is deleted before a queued attempt runs
        current.remove("sub-c");
        deliver(channel, old, alert("c2", "sub-c", "arms-sales", "t"), Duration.ofSeconds(30));
        //Then
        Await.until("ended", WAIT, () -> done.get() == 2);
        assertThat(recorder.deadLetters).singleElement().satisfies(d -> assertThat(d.reason()).contains("deleted"));
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrDateCappedAtADay() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(WebhookChannel.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookChannel.retryAfter("Mon, 02 Mar 2026 08:10:00 GMT", now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(WebhookChannel.retryAfter("1000000000", now)).isEqualTo(Duration.ofHours(24));
        assertThat(WebhookChannel.retryAfter("soon", now)).isEqualTo(Duration.ZERO);
        assertThat(WebhookChannel.retryAfter("-5", now)).isEqualTo(Duration.ZERO);
    }
}
