package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.TelegramChat;
import org.newsmonitor.contracts.json.Json;

/** Subscriptions with ntfy, Slack and Telegram channels through the HTTP API. */
class ChatSubscriptionApiTest {
    private static final String TOKEN = "123456:AAHexampleexampleexampleexample_-";
    private TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void shouldStoreEveryChatChannelAndKeepThemWhenAPatchChangesSomethingElse() throws Exception {
        //Given
        String body = "{\"themes\":[\"arms-sales\"],\"ntfy\":\"https://ntfy.sh/arms-desk\","
                + "\"slack\":\"https://hooks.slack.com/services/T1/B2/abc\","
                + "\"telegram\":{\"botToken\":\"" + TOKEN + "\",\"chatId\":-1001234567890}}";
        //When
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, body);
        String id = json(created).get("id").asText();
        HttpResponse<String> patched = t.http.send(HttpRequest.newBuilder(t.uri("/subscriptions/" + id))
                .header("Authorization", "Bearer " + ALICE_KEY).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Arms desk\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        SubscriptionEvent stored = t.store.get(id).orElseThrow();
        assertThat(stored.name()).isEqualTo("Arms desk");
        assertThat(stored.ntfy()).isEqualTo("https://ntfy.sh/arms-desk");
        assertThat(stored.slack()).isEqualTo("https://hooks.slack.com/services/T1/B2/abc");
        assertThat(stored.telegram()).isEqualTo(new TelegramChat(TOKEN, "-1001234567890"));
        assertThat(json(patched).get("telegram").get("chatId").asText()).isEqualTo("-1001234567890");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"ntfy\":\"https://ntfy.sh/\"|ntfy|topic URL",
        "\"ntfy\":\"https://ntfy.sh/t?x=1\"|ntfy|topic URL",
        "\"ntfy\":\"http://internal.example.org/topic\"|ntfy|is refused",
        "\"ntfy\":\"ftp://ntfy.sh/topic\"|ntfy|http or https",
        "\"slack\":\"http://10.0.0.5/hook\"|slack|is refused",
        "\"slack\":\"not a url\"|slack|",
        "\"telegram\":{\"botToken\":\"nocolon\",\"chatId\":\"42\"}|telegram.botToken|bot token",
        "\"telegram\":{\"botToken\":\"" + TOKEN + "\",\"chatId\":\"chat 42\"}|telegram.chatId|numeric chat id",
    })
    void shouldRefuseABadChatChannelWith422NamingTheField(String member, String field, String reason)
            throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY, "{" + member + "}");
        //Then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode error = json(r);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("errors").get(0).get("message").asText()).contains(reason == null ? "" : reason);
        assertThat(t.store.all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"telegram\":\"123:abc\"|telegram",
        "\"telegram\":{\"botToken\":\"" + TOKEN + "\"}|telegram.chatId",
        "\"telegram\":{\"botToken\":\"" + TOKEN + "\",\"chatId\":\"1\",\"extra\":1}|telegram.extra",
        "\"slack\":42|slack",
    })
    void shouldRefuseAMistypedChatChannelWith400(String member, String field) throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY, "{" + member + "}");
        //Then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo(field);
    }

    @Test
    void shouldRefuseAReplaceThatDropsTheOnlyChatChannel() throws Exception {
        //Given
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"slack\":\"https://hooks.slack.com/services/T1/B2/abc\"}");
        String id = json(created).get("id").asText();
        //When
        HttpResponse<String> r = t.send("PUT", "/subscriptions/" + id, ALICE_KEY, "{\"name\":\"x\"}");
        //Then
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("field").asText()).isEqualTo("slack");
        assertThat(t.store.get(id).orElseThrow().slack()).isNotNull();
    }
}
