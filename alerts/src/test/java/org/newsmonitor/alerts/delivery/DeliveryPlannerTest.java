package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.testing.MutableClock;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.TelegramChat;

/** The planner alone: alert, subscription and the outcomes recorded so far in, deliveries out. No Kafka, no threads. */
class DeliveryPlannerTest {
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Alerts are made at Fixtures.T0 (08:00); the planner runs ten minutes later. */
    private static final Instant NOW = Fixtures.T0.plusSeconds(600);
    private static final WebhookClient NEVER_CALLED = (url, headers, body, timeout) -> {
        throw new AssertionError("planning sends nothing");
    };

    private final MutableClock clock = new MutableClock(NOW);
    private final ConsoleChannel console = new ConsoleChannel(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), "default");
    private final WebhookChannel webhook = new WebhookChannel(NEVER_CALLED, Duration.ofSeconds(1), clock);
    private final EmailChannel email = new EmailChannel(message -> {
        throw new AssertionError("planning sends nothing");
    });
    private final List<ChatChannel> chats = ChatChannel.all(TelegramFormat.DEFAULT_API, NEVER_CALLED,
            Duration.ofSeconds(1), clock);
    private final DeliveryPlanner planner = new DeliveryPlanner(channels(), GIVE_UP_AFTER);
    private final DeliveryLog log = new DeliveryLog(100, 1000);

    private List<Channel> channels() {
        List<Channel> all = new ArrayList<>(List.of(console, webhook, email));
        all.addAll(chats);
        return all;
    }

    private static SubscriptionEvent subscription(String id, DeliveryMode mode, String webhookUrl, String email,
            String ntfy, String query) {
        return new SubscriptionEvent(1, id, "alice", id, query == null ? List.of("power-of-siberia") : List.of(), 0,
                List.of(), List.of(), mode, webhookUrl, webhookUrl == null ? null : "s3cret-s3cret-s3cret", email,
                false, Fixtures.T0, Fixtures.T0, ntfy, null, null, null, query);
    }

    private List<PlannedDelivery> plan(AlertEvent alert, SubscriptionEvent subscription) {
        return planner.plan(alert, subscription, log::latest, NOW);
    }

    private static List<String> channelNames(List<PlannedDelivery> planned) {
        return planned.stream().map(p -> p.channel().name()).toList();
    }

    private static PlannedDelivery.Attempts fresh(Channel channel) {
        return new PlannedDelivery.Attempts(channel, 0, Duration.ZERO, Fixtures.T0.plus(GIVE_UP_AFTER));
    }

    private void recorded(String alertId, String channel, DeliveryStatus status, int attempts, Instant nextAttemptAt) {
        log.apply(new DeliveryEvent(1, alertId, "desk", channel, status, attempts, "earlier", nextAttemptAt,
                NOW.minusSeconds(60)));
    }

    @Test
    void shouldPlanOneAttemptOnEachChannelTheSubscriptionUsesInChannelOrder() {
        //Given
        SubscriptionEvent desk = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk",
                "desk@example.org", "https://ntfy.example.org/gas", null);
        //When
        List<PlannedDelivery> planned = plan(Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal"), desk);
        //Then
        assertThat(planned).containsExactly(fresh(webhook), fresh(email), fresh(chats.get(0)));
    }

    @Test
    void shouldPlanNothingForASubscriptionThatOnlyReadsItsAlertsInTheBrowserOrFeed() {
        SubscriptionEvent reader = subscription("reader", DeliveryMode.IMMEDIATE, null, null, null, null);
        assertThat(plan(Fixtures.alert("a1", "reader", "power-of-siberia", "Gas deal"), reader)).isEmpty();
    }

    @Test
    void shouldPrintOnTheConsoleTheAlertsOfTheDefaultSubscriptionOnly() {
        //Given
        SubscriptionEvent byDefault = Fixtures.subscription("default", List.of());
        SubscriptionEvent desk = Fixtures.webhookSubscription("desk", "https://hooks.example.org/desk",
                "s3cret-s3cret-s3cret");
        //When / Then
        assertThat(plan(Fixtures.alert("a1", "default", "power-of-siberia", "Gas deal"), byDefault))
                .containsExactly(fresh(console));
        assertThat(channelNames(plan(Fixtures.alert("a2", "desk", "power-of-siberia", "Gas deal"), desk)))
                .containsExactly(WebhookChannel.NAME);
    }

    @Test
    void shouldDeliverTheAlertsOfAPrivateQueryLikeThoseOfATheme() {
        //Given: a subscription with a private query, and one following a theme, with the same channels
        SubscriptionEvent byQuery = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk",
                null, "https://ntfy.example.org/q", "\"Power of Siberia 2\" AND price");
        SubscriptionEvent byTheme = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk",
                null, "https://ntfy.example.org/q", null);
        AlertEvent queryAlert = Fixtures.alert("q1", "desk", "query:desk", "Gas price agreed");
        AlertEvent themeAlert = Fixtures.alert("t1", "desk", "power-of-siberia", "Gas price agreed");
        //When / Then
        assertThat(plan(queryAlert, byQuery)).containsExactly(fresh(webhook), fresh(chats.get(0)));
        assertThat(plan(themeAlert, byTheme)).isEqualTo(plan(queryAlert, byQuery));
    }

    @Test
    void shouldDeliverASurgeAlertLikeAMatch() {
        AlertEvent match = Fixtures.alert("s1", "desk", "power-of-siberia", "Surge");
        AlertEvent surge = new AlertEvent(1, match.alertId(), match.subscriptionId(), AlertKind.SURGE,
                match.themeId(), match.themeTitle(), match.storyId(), null, match.title(), null, null,
                match.publishedAt(), 7.0, List.of(), "", match.createdAt());
        SubscriptionEvent desk = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk", null,
                null, null);
        assertThat(plan(surge, desk)).containsExactly(fresh(webhook));
    }

    @Test
    void shouldNeverPlanAgainAChannelOnWhichTheAlertWasDeliveredOrDeadLettered() {
        //Given: before a restart, the webhook took the alert and the mail was dead-lettered
        SubscriptionEvent desk = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk",
                "desk@example.org", "https://ntfy.example.org/gas", null);
        recorded("a1", WebhookChannel.NAME, DeliveryStatus.DELIVERED, 1, null);
        recorded("a1", EmailChannel.NAME, DeliveryStatus.DEAD_LETTERED, 5, null);
        //When
        List<PlannedDelivery> planned = plan(Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal"), desk);
        //Then: only the channel with nothing final left
        assertThat(channelNames(planned)).containsExactly("ntfy");
        assertThat(plan(Fixtures.alert("a2", "desk", "power-of-siberia", "Other story"), desk)).hasSize(3);
    }

    @Test
    void shouldResumeARetryWithItsAttemptCountWhenItIsDue() {
        //Given: the webhook failed three times and is due again in 90 s; ntfy's retry is overdue
        SubscriptionEvent desk = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk", null,
                "https://ntfy.example.org/gas", null);
        recorded("a1", WebhookChannel.NAME, DeliveryStatus.RETRYING, 3, NOW.plusSeconds(90));
        recorded("a1", "ntfy", DeliveryStatus.RETRYING, 2, NOW.minusSeconds(5));
        //When
        List<PlannedDelivery> planned = plan(Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal"), desk);
        //Then
        Instant giveUpAt = Fixtures.T0.plus(GIVE_UP_AFTER);
        assertThat(planned).containsExactly(
                new PlannedDelivery.Attempts(webhook, 3, Duration.ofSeconds(90), giveUpAt),
                new PlannedDelivery.Attempts(chats.get(0), 2, Duration.ZERO, giveUpAt));
    }

    @Test
    void shouldGatherTheMailOfADigestSubscriptionAndDeliverItsOtherChannelsAtOnce() {
        //Given
        SubscriptionEvent digest = subscription("desk", DeliveryMode.HOURLY_DIGEST, "https://hooks.example.org/desk",
                "desk@example.org", null, null);
        //When
        List<PlannedDelivery> planned = plan(Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal"), digest);
        //Then
        assertThat(planned).containsExactly(fresh(webhook), new PlannedDelivery.ToDigest(email));
    }

    @Test
    void shouldMailAtOnceForAnImmediateSubscriptionAndGatherForADailyOne() {
        AlertEvent alert = Fixtures.alert("a1", "desk", "power-of-siberia", "Gas deal");
        assertThat(plan(alert, Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.IMMEDIATE)))
                .containsExactly(fresh(email));
        assertThat(plan(alert, Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.DAILY_DIGEST)))
                .containsExactly(new PlannedDelivery.ToDigest(email));
    }

    @Test
    void shouldNotGatherAgainAnAlertWhoseDigestWasSentButGatherOneWhoseDigestIsRetrying() {
        //Given
        SubscriptionEvent digest = Fixtures.emailSubscription("desk", "desk@example.org", DeliveryMode.HOURLY_DIGEST);
        recorded("sent", EmailChannel.NAME, DeliveryStatus.DELIVERED, 1, null);
        recorded("retrying", EmailChannel.NAME, DeliveryStatus.RETRYING, 1, NOW.plusSeconds(30));
        //When / Then
        assertThat(plan(Fixtures.alert("sent", "desk", "power-of-siberia", "Gas deal"), digest)).isEmpty();
        assertThat(plan(Fixtures.alert("retrying", "desk", "power-of-siberia", "Gas deal"), digest))
                .containsExactly(new PlannedDelivery.ToDigest(email));
    }

    @Test
    void shouldGiveAnAlertReadAgainAfterItsRetryTimeOneAttemptWithoutRetries() {
        //Given: an alert made two days ago, read again now
        SubscriptionEvent desk = subscription("desk", DeliveryMode.IMMEDIATE, "https://hooks.example.org/desk", null,
                null, null);
        AlertEvent old = Fixtures.alert("old", "desk", "power-of-siberia", "Gas deal");
        Instant twoDaysLater = old.createdAt().plus(Duration.ofDays(2));
        //When
        List<PlannedDelivery> planned = planner.plan(old, desk, (alertId, channel) -> Optional.empty(), twoDaysLater);
        //Then: no attempt may be scheduled after now, so a failure is dead-lettered at once
        assertThat(planned).containsExactly(new PlannedDelivery.Attempts(webhook, 0, Duration.ZERO, twoDaysLater));
    }
}
