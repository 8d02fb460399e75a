package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.json.Json;

/** The private query of a subscription through the HTTP API: stored when usable, refused with its position. */
class SubscriptionQueryApiTest {
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
    void shouldStoreAQueryAloneOrWithThemesAndChangeOrDropItByPatch() throws Exception {
        //When
        HttpResponse<String> alone = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"query\":\"(su-35 OR su-57) NEAR/5 deliver* AND @china\"}");
        HttpResponse<String> withThemes = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"query\":\"kovykta\",\"themes\":[\"power-of-siberia\"]}");
        String id = json(alone).get("id").asText();
        HttpResponse<String> changed = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY,
                "{\"query\":\"title:zarubino OR \\\"порт Зарубино\\\"\"}");
        String changedQuery = t.store.get(id).orElseThrow().query();
        HttpResponse<String> dropped = t.send("PATCH", "/subscriptions/" + id, ALICE_KEY, "{\"query\":null}");
        //Then
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(201);
        assertThat(json(alone).get("query").asText()).isEqualTo("(su-35 OR su-57) NEAR/5 deliver* AND @china");
        assertThat(withThemes.statusCode()).as(withThemes.body()).isEqualTo(201);
        assertThat(t.store.get(json(withThemes).get("id").asText()).orElseThrow().themes())
                .containsExactly("power-of-siberia");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changedQuery).isEqualTo("title:zarubino OR \"порт Зарубино\"");
        assertThat(dropped.statusCode()).isEqualTo(200);
        assertThat(t.store.get(id).orElseThrow().query()).isNull();
    }

    @Test
    void shouldKeepTheQueryBesideChatChannelsWhenTheFeedTokenIsIssued() throws Exception {
        //Given
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"query\":\"kovykta AND cnpc\",\"ntfy\":\"https://ntfy.sh/kovykta-desk\"}");
        String id = json(created).get("id").asText();
        //When
        HttpResponse<String> issued = t.send("POST", "/subscriptions/" + id + "/feed-token", ALICE_KEY, null);
        //Then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        var stored = t.store.get(id).orElseThrow();
        assertThat(stored.feedTokenHash()).isNotNull();
        assertThat(stored.query()).isEqualTo("kovykta AND cnpc");
        assertThat(stored.ntfy()).isEqualTo("https://ntfy.sh/kovykta-desk");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty          | ''                       | is not a usable query: the query is empty",
        "unclosed paren | 'gas AND (oil OR lng'    | is not a usable query: column 9: unbalanced parenthesis: '(' is never closed",
        "unknown list   | 'gas AND @moon'          | is not a usable query: column 9: unknown list '@moon'",
        "NOT alone      | 'NOT oil'                | is not a usable query: column 1: the query is too broad",
        "short prefix   | 'a*'                     | is not a usable query: column 1: the query is too broad: the prefix 'a*'",
        "lower-case op  | 'gas or oil'             | is not a usable query: column 5: operators are upper-case",
    })
    void shouldRefuseAnUnusableQueryWith422NamingThePosition(String label, String query, String message)
            throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"query\":" + Json.mapper().writeValueAsString(query) + "}");
        //Then
        assertThat(r.statusCode()).as(label + ": " + r.body()).isEqualTo(422);
        JsonNode error = json(r).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("query");
        assertThat(error.get("message").asText()).startsWith(message);
        assertThat(t.store.all()).isEmpty();
    }

    @Test
    void shouldRefuseAQueryOverTenThousandCharacters() throws Exception {
        //When
        HttpResponse<String> r = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"query\":\"" + "pipeline ".repeat(1_112) + "\"}");
        //Then
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("errors").get(0).get("message").asText())
                .isEqualTo("is not a usable query: the query is too long: 10008 characters, at most 10000");
    }
}
