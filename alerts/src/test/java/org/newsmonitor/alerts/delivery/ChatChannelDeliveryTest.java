package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.Fixtures.T0;
import static org.newsmonitor.alerts.testing.Fixtures.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.testing.WebhookReceiver;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.TelegramChat;
import org.newsmonitor.contracts.json.Json;

/** ntfy, Slack and Telegram deliveries against a local receiver, through the webhook's queues and retry rules. */
class ChatChannelDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BOT_TOKEN = "123456:AAHexampleexampleexampleexample_-";
    private WebhookReceiver receiver;
    private RecordingRecorder recorder;
    private EndpointQueues queues;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver("unused-secret-0123456789");
        recorder = new RecordingRecorder();
        queues = new EndpointQueues(new RetrySchedule(Duration.ofMillis(50), 2, Duration.ofMillis(200),
                Duration.ofSeconds(30), 0.2), recorder, Clock.systemUTC(), new Random(7));
    }

    @AfterEach
    void stop() {
        queues.close();
        receiver.close();
    }

    private WebhookClient client(boolean allowReceiver) {
        AddressAllowList allow = allowReceiver ? AddressAllowList.of(List.of("127.0.0.1:" + receiver.port()))
                : AddressAllowList.none();
        return new HttpWebhookClient(new SsrfGuard(Resolver.SYSTEM, allow), Duration.ofSeconds(2));
    }

    private void deliver(ChatChannel channel, SubscriptionEvent s, AlertEvent a) {
        queues.submit(new DeliveryJob(channel, s, List.of(a), 0, Instant.now().plusSeconds(30), done::incrementAndGet),
                Duration.ZERO);
    }

    private static SubscriptionEvent chats(String id, String ntfy, String slack, TelegramChat telegram) {
        return new SubscriptionEvent(1, id, "alice", id, List.of(), 0, List.of(), List.of(), DeliveryMode.IMMEDIATE,
                null, null, null, false, T0, T0, ntfy, slack, telegram, null);
    }

    private static AlertEvent hostileAlert(String id) {
        return new AlertEvent(1, id, "sub-n", AlertKind.MATCH, "power-of-siberia", "Power of Siberia", "story-" + id,
                "article-" + id, "Gazprom & CNPC <sign> \"Power of Siberia 2\" terms",
                "https://news.example.org/a?x=1&y=2", "Example Wire", T0, 3.0,
                List.of(new MatchedTerm("Power of Siberia", "title", 0, 16), new MatchedTerm("CNPC", "title", 10, 14)),
                "snippet", T0);
    }

    @Test
    void shouldPublishAFormattedNtfyMessageToTheTopicOnTheServerRoot() throws Exception {
        //Given
        ChatChannel ntfy = ChatChannel.ntfy(client(true), Duration.ofSeconds(2), Clock.systemUTC());
        SubscriptionEvent s = chats("sub-n", receiver.url("/gas-desk"), null, null);
        //When
        deliver(ntfy, s, hostileAlert("n1"));
        //Then
        Await.until("ntfy delivery", WAIT, () -> done.get() == 1);
        assertThat(recorder.statuses("n1")).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(recorder.outcomes.get(0).channel()).isEqualTo("ntfy");
        List<WebhookReceiver.Hit> hits = receiver.hits("/");
        assertThat(hits).hasSize(1);
        JsonNode body = Json.mapper().readTree(hits.get(0).body());
        assertThat(body.get("topic").asText()).isEqualTo("gas-desk");
        assertThat(body.get("title").asText()).isEqualTo("Gazprom & CNPC <sign> \"Power of Siberia 2\" terms");
        assertThat(body.get("message").asText()).isEqualTo("Example Wire · Power of Siberia\n"
                + "Matched: Power of Siberia, CNPC\nhttps://news.example.org/a?x=1&y=2");
        assertThat(body.get("click").asText()).isEqualTo("https://news.example.org/a?x=1&y=2");
        assertThat(ntfy.endpoint(s)).as("the topic is a secret on public servers").doesNotContain("gas-desk");
    }

    @Test
    void shouldRetryASlackWebhookThatAnswers500ThenDeliverTheLinkedTitle() throws Exception {
        //Given
        receiver.script("/services/T1/B1/x", WebhookReceiver.statuses(n -> n == 1 ? 500 : 200));
        ChatChannel slack = ChatChannel.slack(client(true), Duration.ofSeconds(2), Clock.systemUTC());
        SubscriptionEvent s = chats("sub-s", null, receiver.url("/services/T1/B1/x"), null);
        //When
        deliver(slack, s, hostileAlert("s1"));
        //Then
        Await.until("slack delivery", WAIT, () -> done.get() == 1);
        assertThat(recorder.statuses("s1")).containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED);
        assertThat(recorder.outcomes.get(0).detail()).isEqualTo("HTTP 500");
        List<WebhookReceiver.Hit> hits = receiver.hits("/services/T1/B1/x");
        assertThat(hits).hasSize(2);
        JsonNode body = Json.mapper().readTree(hits.get(1).body());
        assertThat(body.get("text").asText()).isEqualTo("<https://news.example.org/a?x=1&y=2|Gazprom &amp; CNPC "
                + "&lt;sign&gt; \"Power of Siberia 2\" terms>\nExample Wire · Power of Siberia\n"
                + "Matched: Power of Siberia, CNPC");
        assertThat(slack.endpoint(s)).as("the webhook path is its secret").doesNotContain("/services/");
    }

    @Test
    void shouldSendTelegramHtmlToTheBotApiAndDeadLetterAPermanentRefusalAtOnce() throws Exception {
        //Given: the chat answers 200 the first time, then 403 (the bot was blocked)
        String path = "/bot" + BOT_TOKEN + "/sendMessage";
        receiver.script(path, WebhookReceiver.statuses(n -> n == 1 ? 200 : 403));
        ChatChannel telegram = ChatChannel.telegram(receiver.url("/"), client(true), Duration.ofSeconds(2),
                Clock.systemUTC());
        SubscriptionEvent s = chats("sub-t", null, null, new TelegramChat(BOT_TOKEN, "-1001234567890"));
        //When
        deliver(telegram, s, hostileAlert("t1"));
        Await.until("first telegram delivery", WAIT, () -> done.get() == 1);
        deliver(telegram, s, alert("t2", "sub-t", "arms-sales", "Su-35 deliveries"));
        //Then
        Await.until("second telegram delivery", WAIT, () -> done.get() == 2);
        JsonNode body = Json.mapper().readTree(receiver.hits(path).get(0).body());
        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.get("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.get("text").asText()).isEqualTo("<b><a href=\"https://news.example.org/a?x=1&amp;y=2\">"
                + "Gazprom &amp; CNPC &lt;sign&gt; &quot;Power of Siberia 2&quot; terms</a></b>\n"
                + "Example Wire · Power of Siberia\nMatched: Power of Siberia, CNPC");
        assertThat(recorder.statuses("t1")).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(recorder.statuses("t2")).containsExactly(DeliveryStatus.DEAD_LETTERED);
        assertThat(receiver.hits(path)).hasSize(2);
        assertThat(recorder.deadLetters).hasSize(1);
        assertThat(recorder.deadLetters.get(0).stage()).isEqualTo("alerts.telegram");
        assertThat(recorder.deadLetters.get(0).reason()).contains("HTTP 403").doesNotContain(BOT_TOKEN);
        assertThat(telegram.endpoint(s)).doesNotContain(BOT_TOKEN.substring(7));
    }

    @Test
    void shouldRetryAChatServiceThatAsksToSlowDown() {
        //Given
        receiver.script("/desk", (n, ex) -> WebhookReceiver.respond(ex, n == 1 ? 429 : 200, Map.of("Retry-After", "0")));
        ChatChannel ntfy = ChatChannel.ntfy(client(true), Duration.ofSeconds(2), Clock.systemUTC());
        receiver.script("/", (n, ex) -> WebhookReceiver.respond(ex, n == 1 ? 429 : 200, Map.of()));
        //When
        deliver(ntfy, chats("sub-n", receiver.url("/desk"), null, null), alert("r1", "sub-n", "arms-sales", "t"));
        //Then
        Await.until("delivery", WAIT, () -> done.get() == 1);
        assertThat(recorder.statuses("r1")).containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED);
    }

    @Test
    void shouldRefuseToDialAnInternalAddressWithoutSendingAnything() {
        //Given: the guard does not allow the local receiver
        ChatChannel slack = ChatChannel.slack(client(false), Duration.ofSeconds(2), Clock.systemUTC());
        //When
        deliver(slack, chats("sub-x", null, receiver.url("/hook"), null), alert("x1", "sub-x", "arms-sales", "t"));
        //Then
        Await.until("dead letter", WAIT, () -> done.get() == 1);
        assertThat(receiver.hits).isEmpty();
        assertThat(recorder.statuses("x1")).containsExactly(DeliveryStatus.DEAD_LETTERED);
        assertThat(recorder.deadLetters.get(0).reason()).contains("refused to dial");
    }

    @Test
    void shouldGiveUpWhenTheSubscriptionNoLongerHasTheChannel() {
        //Given
        ChatChannel telegram = ChatChannel.telegram(receiver.url("/"), client(true), Duration.ofSeconds(2),
                Clock.systemUTC());
        //When
        Outcome outcome = telegram.attempt(List.of(alert("g1", "sub-g", "arms-sales", "t")),
                chats("sub-g", null, null, null), 1);
        //Then
        assertThat(outcome).isInstanceOf(Outcome.GiveUp.class);
        assertThat(outcome.detail()).contains("no longer has a telegram channel");
        assertThat(telegram.usedBy(chats("sub-g", null, null, null))).isFalse();
    }
}
