package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;
import static org.newsmonitor.alerts.testing.TestApp.BOB_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.Json;

class SubscriptionApiTest {
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

    private String createAs(String key, String body) throws Exception {
        HttpResponse<String> r = t.send("POST", "/subscriptions", key, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    @Test
    void shouldRefuseRequestsWithoutAValidApiKey() throws Exception {
        //When
        HttpResponse<String> none = t.send("GET", "/subscriptions", null, null);
        HttpResponse<String> wrong = t.send("GET", "/subscriptions", "nope", null);
        HttpResponse<String> basic = t.http.send(HttpRequest.newBuilder(t.uri("/subscriptions"))
                .header("Authorization", "Basic YWxpY2U6eA==").build(), HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("errors").get(0).get("field").asText()).isEqualTo("Authorization");
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).contains("unknown API key");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(t.store.all()).isEmpty();
    }

    @Test
    void shouldAcceptTheXApiKeyHeader() throws Exception {
        //When
        HttpResponse<String> r = t.http.send(HttpRequest.newBuilder(t.uri("/subscriptions"))
                .header("X-Api-Key", ALICE_KEY).build(), HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCreateReadReplaceAndDeleteASubscription() throws Exception {
        //Given
        String body = "{\"name\":\"Gas desk\",\"themes\":[\"power-of-siberia\"],\"minScore\":2,"
                + "\"languages\":[\"en\",\"ru\"],\"mode\":\"hourly_digest\",\"webhookUrl\":\"https://hooks.example.org/in\","
                + "\"email\":\"desk@example.org\",\"includeSurges\":true}";
        //When
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, body);
        //Then
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode c = json(created);
        String id = c.get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/subscriptions/" + id);
        assertThat(c.get("owner").asText()).isEqualTo("alice");
        assertThat(c.get("webhookSecret").asText()).startsWith("whsec_");
        assertThat(c.get("mode").asText()).isEqualTo("HOURLY_DIGEST");
        assertThat(t.store.get(id)).isPresent();

        HttpResponse<String> got = t.send("GET", "/subscriptions/" + id, ALICE_KEY, null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(json(got).get("themes").get(0).asText()).isEqualTo("power-of-siberia");

        HttpResponse<String> replaced = t.send("PUT", "/subscriptions/" + id, ALICE_KEY,
                "{\"themes\":[\"arms-sales\"],\"webhookUrl\":\"https://hooks.example.org/v2\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("themes").get(0).asText()).isEqualTo("arms-sales");
        assertThat(json(replaced).get("webhookSecret").asText()).isEqualTo(c.get("webhookSecret").asText());
        assertThat(json(replaced).get("createdAt").asText()).isEqualTo(c.get("createdAt").asText());

        HttpResponse<String> deleted = t.send("DELETE", "/subscriptions/" + id, ALICE_KEY, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(t.send("GET", "/subscriptions/" + id, ALICE_KEY, null).statusCode()).isEqualTo(404);
        assertThat(t.store.all()).isEmpty();
    }

    @Test
    void shouldPatchOnlyTheFieldsGivenAndRemoveThoseSetToNull() throws Exception {
        //Given
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"Gas desk\","
                + "\"themes\":[\"power-of-siberia\"],\"minScore\":2.5,\"sources\":[\"TASS\",\"Xinhua\"],"
                + "\"languages\":[\"ru\"],\"webhookUrl\":\"https://hooks.example.org/in\",\"includeSurges\":true}");
        JsonNode c = json(created);
        String id = c.get("id").asText();
        //When
        HttpResponse<String> renamed = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "{\"name\":\"Energy desk\"}");
        HttpResponse<String> unfiltered = t.http.send(HttpRequest.newBuilder(t.uri("/subscriptions/" + id))
                .header("Authorization", "Bearer " + ALICE_KEY).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"sources\":null,\"minScore\":null}")).build(),
                HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonNode r = json(renamed);
        assertThat(r.get("name").asText()).isEqualTo("Energy desk");
        assertThat(r.get("webhookUrl").asText()).isEqualTo("https://hooks.example.org/in");
        assertThat(r.get("webhookSecret").asText()).isEqualTo(c.get("webhookSecret").asText());
        assertThat(r.get("sources")).hasSize(2);
        assertThat(r.get("minScore").asDouble()).isEqualTo(2.5);
        assertThat(r.get("themes").get(0).asText()).isEqualTo("power-of-siberia");
        assertThat(r.get("languages").get(0).asText()).isEqualTo("ru");
        assertThat(r.get("includeSurges").asBoolean()).isTrue();
        assertThat(r.get("createdAt").asText()).isEqualTo(c.get("createdAt").asText());
        assertThat(unfiltered.statusCode()).as(unfiltered.body()).isEqualTo(200);
        assertThat(json(unfiltered).get("sources")).isEmpty();
        assertThat(json(unfiltered).get("minScore").asDouble()).isZero();
        assertThat(json(unfiltered).get("name").asText()).isEqualTo("Energy desk");
        assertThat(t.store.get(id).orElseThrow().webhookUrl()).isEqualTo("https://hooks.example.org/in");
    }

    @Test
    void shouldRefuseAPatchWithInvalidValuesOrForSomeoneElsesSubscription() throws Exception {
        //Given
        String id = createAs(ALICE_KEY, "{\"name\":\"Desk\",\"webhookUrl\":\"https://hooks.example.org/in\"}");
        //When
        HttpResponse<String> unknownField = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "{\"colour\":\"red\"}");
        HttpResponse<String> badTheme = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "{\"themes\":[\"nope\"]}");
        HttpResponse<String> bobs = t.send("PATCH", "/subscriptions/" + id, BOB_KEY, "{\"name\":\"mine\"}");
        HttpResponse<String> array = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "[]");
        //Then
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField).get("errors").get(0).get("field").asText()).isEqualTo("colour");
        assertThat(badTheme.statusCode()).isEqualTo(422);
        assertThat(bobs.statusCode()).isEqualTo(404);
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(t.store.get(id).orElseThrow().name()).isEqualTo("Desk");
    }

    @Test
    void shouldRefuseAnUpdateThatLeavesTheSubscriptionWithNoDeliveryChannel() throws Exception {
        //Given
        String id = createAs(ALICE_KEY, "{\"name\":\"Desk\",\"webhookUrl\":\"https://hooks.example.org/in\"}");
        //When
        HttpResponse<String> put = t.send("PUT", "/subscriptions/" + id, ALICE_KEY, "{\"name\":\"Renamed\"}");
        HttpResponse<String> patch = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "{\"webhookUrl\":null}");
        HttpResponse<String> swap = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY,
                "{\"webhookUrl\":null,\"email\":\"desk@example.org\"}");
        //Then
        for (HttpResponse<String> refused : List.of(put, patch)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(json(refused).get("error").asText()).contains("no delivery channel");
        }
        assertThat(swap.statusCode()).as(swap.body()).isEqualTo(200);
        assertThat(json(swap).get("email").asText()).isEqualTo("desk@example.org");
        assertThat(json(swap).has("webhookUrl")).isFalse();
        assertThat(json(swap).has("webhookSecret")).isFalse();
        assertThat(t.store.get(id).orElseThrow().name()).isEqualTo("Desk");
    }

    @Test
    void shouldPageThroughTheOwnersSubscriptionsOldestFirstWithCursors() throws Exception {
        //Given
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createAs(ALICE_KEY, "{\"name\":\"desk " + i + "\"}"));
        }
        createAs(BOB_KEY, "{}");
        //When
        List<String> seen = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(t.send("GET", "/subscriptions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    ALICE_KEY, null));
            sizes.add(page.get("subscriptions").size());
            seen.addAll(page.get("subscriptions").findValuesAsText("id"));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        JsonNode all = json(t.send("GET", "/subscriptions", ALICE_KEY, null));
        //Then
        assertThat(sizes).containsExactly(3, 3, 1);
        List<String> expected = t.store.all().stream().filter(s -> s.owner().equals("alice"))
                .sorted(java.util.Comparator.comparing(org.newsmonitor.contracts.event.SubscriptionEvent::createdAt)
                        .thenComparing(org.newsmonitor.contracts.event.SubscriptionEvent::id))
                .map(org.newsmonitor.contracts.event.SubscriptionEvent::id).toList();
        assertThat(seen).containsExactlyElementsOf(expected).containsExactlyInAnyOrderElementsOf(created);
        assertThat(all.get("subscriptions")).hasSize(7);
        assertThat(all.has("nextCursor")).isFalse();
    }

    @Test
    void shouldRefuseACursorItDidNotGiveOut() throws Exception {
        //When
        HttpResponse<String> r = t.send("GET", "/subscriptions?cursor=not-a-cursor", ALICE_KEY, null);
        HttpResponse<String> big = t.send("GET", "/subscriptions?limit=100000", ALICE_KEY, null);
        //Then
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(json(big).get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void shouldRefuseASubscriptionBeyondTheOwnersQuotaWith409() throws Exception {
        //Given
        try (TestApp small = new TestApp(org.newsmonitor.alerts.web.SseSettings.defaults(), true, 2)) {
            for (int i = 0; i < 2; i++) {
                assertThat(small.send("POST", "/subscriptions", ALICE_KEY, "{}").statusCode()).isEqualTo(201);
            }
            //When
            HttpResponse<String> third = small.send("POST", "/subscriptions", ALICE_KEY, "{}");
            HttpResponse<String> bobs = small.send("POST", "/subscriptions", BOB_KEY, "{}");
            //Then
            assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
            assertThat(json(third).get("errors").get(0).get("field").asText()).isEqualTo("subscriptions");
            assertThat(json(third).get("error").asText()).contains("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER").contains("2");
            assertThat(bobs.statusCode()).isEqualTo(201);
            assertThat(small.store.all()).hasSize(3);
        }
    }

    @Test
    void shouldLetOwnersSeeAndChangeOnlyTheirOwnSubscriptions() throws Exception {
        //Given
        String alices = createAs(ALICE_KEY, "{\"themes\":[\"*\"]}");
        String bobs = createAs(BOB_KEY, "{}");
        //When
        HttpResponse<String> bobList = t.send("GET", "/subscriptions", BOB_KEY, null);
        HttpResponse<String> bobGet = t.send("GET", "/subscriptions/" + alices, BOB_KEY, null);
        HttpResponse<String> bobPut = t.send("PUT", "/subscriptions/" + alices, BOB_KEY, "{}");
        HttpResponse<String> bobDelete = t.send("DELETE", "/subscriptions/" + alices, BOB_KEY, null);
        HttpResponse<String> bobDeliveries = t.send("GET", "/subscriptions/" + alices + "/deliveries", BOB_KEY, null);
        HttpResponse<String> bobEvents = t.send("GET", "/subscriptions/" + alices + "/events", BOB_KEY, null);
        //Then
        JsonNode list = json(bobList).get("subscriptions");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(bobs);
        assertThat(List.of(bobGet.statusCode(), bobPut.statusCode(), bobDelete.statusCode(),
                bobDeliveries.statusCode(), bobEvents.statusCode())).containsOnly(404);
        assertThat(t.store.get(alices)).isPresent();
        assertThat(t.store.get(alices).get().themes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json               | {not json                                      | 400 | body",
        "array body             | [1,2]                                          | 400 | body",
        "unknown field          | {\"themez\":[]}                                | 400 | themez",
        "themes not array       | {\"themes\":\"arms-sales\"}                    | 400 | themes",
        "themes not strings     | {\"themes\":[1]}                               | 400 | themes",
        "minScore text          | {\"minScore\":\"high\"}                        | 400 | minScore",
        "includeSurges text     | {\"includeSurges\":\"yes\"}                    | 400 | includeSurges",
        "unknown mode           | {\"mode\":\"weekly\"}                          | 400 | mode",
        "unknown theme          | {\"themes\":[\"power-of-siberia\",\"moon-base\"]} | 422 | themes",
        "negative minScore      | {\"minScore\":-1}                              | 422 | minScore",
        "bad language           | {\"languages\":[\"English!\"]}                 | 422 | languages",
        "blank source           | {\"sources\":[\" \"]}                           | 422 | sources",
        "control char in name   | {\"name\":\"" + "x" + "\\u0000\"}              | 422 | name",
        "not a url              | {\"webhookUrl\":\"not a url\"}                 | 422 | webhookUrl",
        "relative url           | {\"webhookUrl\":\"/hook\"}                     | 422 | webhookUrl",
        "ftp url                | {\"webhookUrl\":\"ftp://hooks.example.org/x\"} | 422 | webhookUrl",
        "javascript url         | {\"webhookUrl\":\"javascript:alert(1)\"}       | 422 | webhookUrl",
        "userinfo url           | {\"webhookUrl\":\"https://u:p@hooks.example.org/\"} | 422 | webhookUrl",
        "short secret           | {\"webhookUrl\":\"https://hooks.example.org/\",\"webhookSecret\":\"short\"} | 422 | webhookSecret",
        "secret without url     | {\"webhookSecret\":\"0123456789abcdef0123\"}   | 422 | webhookSecret",
        "bad email              | {\"email\":\"not-an-address\"}                 | 422 | email",
        "email with name        | {\"email\":\"Desk <desk@example.org>\"}         | 422 | email",
        "email with newline     | {\"email\":\"desk@example.org\\nBcc: x@example.org\"} | 422 | email",
    })
    void shouldRefuseInvalidRequestsNamingTheField(String label, String body, int status, String field)
            throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY, body);
        //Then
        assertThat(r.statusCode()).as(label + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode errors = json(r).get("errors");
        assertThat(errors.findValuesAsText("field")).as(r.body()).contains(field);
        assertThat(t.store.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/admin", "http://localhost/", "http://127.1/", "http://2130706433/",
        "http://0x7f.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0:8080/",
        "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.0.10/",
        "http://internal.example.org/hook", "http://[fe80::1]/"})
    void shouldRefuseWebhooksToInternalAddressesWith422(String url) throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY, "{\"webhookUrl\":\"" + url + "\"}");
        //Then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
        assertThat(json(r).get("error").asText()).contains("not allowed").contains("MONITOR_SSRF_ALLOW");
        assertThat(t.store.all()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://hooks.example.org:99999/in | port",
        "https://hooks.example.org:0/in     | port",
        "http://hooks_1.example.org/in      | host",
        "http://%68ooks.example.org/in      | host",
        "http://-hooks.example.org/in       | host",
    })
    void shouldRefuseWebhookUrlsTheHttpClientCannotDialWith422(String url, String mentioned) throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY, "{\"webhookUrl\":\"" + url + "\"}");
        //Then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
        assertThat(json(r).get("error").asText()).contains("cannot be dialled").contains(mentioned);
        assertThat(t.store.all()).isEmpty();
    }

    @Test
    void shouldRefuseAnEmailSubscriptionWhenNoSmtpServerIsConfigured() throws Exception {
        //Given
        try (TestApp noMail = new TestApp(org.newsmonitor.alerts.web.SseSettings.defaults(), false)) {
            //When
            HttpResponse<String> r = noMail.send("POST", "/subscriptions", ALICE_KEY,
                    "{\"email\":\"desk@example.org\"}");
            //Then
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("email");
            assertThat(json(r).get("error").asText()).contains("no SMTP server").contains("MONITOR_SMTP_HOST");
            assertThat(noMail.store.all()).isEmpty();
        }
    }

    @Test
    void shouldRefuseOversizedAndNonJsonBodies() throws Exception {
        //Given
        String huge = "{\"name\":\"" + "x".repeat(20_000) + "\"}";
        //When
        HttpResponse<String> big = t.send("POST", "/subscriptions", ALICE_KEY, huge);
        HttpResponse<String> form = t.http.send(HttpRequest.newBuilder(t.uri("/subscriptions"))
                .header("Authorization", "Bearer " + ALICE_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(t.store.all()).isEmpty();
    }

    @Test
    void shouldRefuseAnUpdateWithInvalidFieldsAndKeepTheOldVersion() throws Exception {
        //Given
        String id = createAs(ALICE_KEY, "{\"themes\":[\"arms-sales\"]}");
        //When
        HttpResponse<String> r = t.send("PUT", "/subscriptions/" + id, ALICE_KEY, "{\"themes\":[\"nope\"]}");
        //Then
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(t.store.get(id).orElseThrow().themes()).containsExactly("arms-sales");
    }

    @Test
    void shouldRefuseABadPathIdAndLimit() throws Exception {
        assertThat(t.send("GET", "/subscriptions/%20bad%20", ALICE_KEY, null).statusCode()).isEqualTo(400);
        HttpResponse<String> limit = t.send("GET", "/alerts?limit=0", null, null);
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(json(limit).get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(t.send("GET", "/alerts?limit=abc", null, null).statusCode()).isEqualTo(400);
        assertThat(t.send("GET", "/stats?granularity=week", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldListRecentAlertsNewestFirstWithThemeFilterAndLimit() throws Exception {
        //Given
        t.feed.publish(Fixtures.alert("a1", "default", "power-of-siberia", "First"));
        t.feed.publish(Fixtures.alert("a2", "default", "arms-sales", "Second"));
        t.feed.publish(Fixtures.alert("a3", "default", "power-of-siberia", "Third"));
        t.feed.publish(Fixtures.alert("x1", "someone-else", "power-of-siberia", "Not shown"));
        //When
        JsonNode all = json(t.send("GET", "/alerts", null, null));
        JsonNode gas = json(t.send("GET", "/alerts?theme=power-of-siberia&limit=1", null, null));
        //Then
        assertThat(all.get("alerts").findValuesAsText("title")).containsExactly("Third", "Second", "First");
        JsonNode first = all.get("alerts").get(0);
        assertThat(first.get("themeId").asText()).isEqualTo("power-of-siberia");
        assertThat(first.get("source").asText()).isEqualTo("Example Wire");
        assertThat(first.get("url").asText()).startsWith("https://");
        assertThat(first.get("publishedAt").asText()).isNotBlank();
        assertThat(first.get("terms").get(0).get("term").asText()).isEqualTo("Power of Siberia");
        assertThat(gas.get("alerts").findValuesAsText("title")).containsExactly("Third");
    }

    @Test
    void shouldShowTheOwnersDeliveries() throws Exception {
        //Given
        String id = createAs(ALICE_KEY, "{}");
        t.deliveries.apply(new DeliveryEvent(1, "a1", id, "webhook", DeliveryStatus.RETRYING, 1, "HTTP 500", null,
                Fixtures.T0));
        t.deliveries.apply(new DeliveryEvent(1, "a1", id, "webhook", DeliveryStatus.DELIVERED, 2, "HTTP 200", null,
                Fixtures.T0.plusSeconds(30)));
        //When
        JsonNode r = json(t.send("GET", "/subscriptions/" + id + "/deliveries", ALICE_KEY, null));
        //Then
        assertThat(r.get("deliveries").findValuesAsText("status")).containsExactly("DELIVERED", "RETRYING");
    }

    @Test
    void shouldServeStatsHealthThemesAndTheDashboardWithAStrictPolicy() throws Exception {
        //Given
        t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", Polarity.COOPERATION, Granularity.HOUR,
                Fixtures.T0, Fixtures.T0.plus(Duration.ofHours(1)), 4));
        t.stats.apply(new ThemeStatsEvent(1, "eeu-bri-friction", Polarity.FRICTION, Granularity.HOUR,
                Fixtures.T0, Fixtures.T0.plus(Duration.ofHours(1)), 3));
        //When
        HttpResponse<String> stats = t.send("GET", "/stats?granularity=hour", null, null);
        HttpResponse<String> health = t.send("GET", "/health", null, null);
        HttpResponse<String> themes = t.send("GET", "/themes", null, null);
        HttpResponse<String> page = t.send("GET", "/", null, null);
        //Then
        JsonNode bucket = json(stats).get("buckets").get(0);
        assertThat(bucket.get("cooperation").asLong()).isEqualTo(4);
        assertThat(bucket.get("friction").asLong()).isEqualTo(3);
        assertThat(json(health).get("status").asText()).isEqualTo("ok");
        assertThat(json(themes).get("themes")).hasSize(3);
        assertThat(page.statusCode()).isEqualTo(200);
        for (HttpResponse<String> r : List.of(stats, page)) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }
}
