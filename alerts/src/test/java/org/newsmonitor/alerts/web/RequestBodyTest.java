package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.json.Json;

/** Each way a body can be wrong gets a 4xx that names the field or header at fault, never a 5xx. */
class RequestBodyTest {
    private TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static Stream<Arguments> refusedBodies() {
        String json = "application/json";
        return Stream.of(
                Arguments.of("deep nesting", json, "{\"themes\":" + "[".repeat(3000) + "]".repeat(3000) + "}", 400,
                        "body", "nest"),
                Arguments.of("number of 5000 digits", json, "{\"minScore\":" + "9".repeat(5000) + "}", 400, "body",
                        "digits"),
                Arguments.of("trailing content", json, "{\"name\":\"x\"} xyz", 400, "body", "after the JSON object"),
                Arguments.of("second object", json, "{\"name\":\"x\"}{\"name\":\"y\"}", 400, "body",
                        "after the JSON object"),
                Arguments.of("duplicate field", json, "{\"name\":\"x\",\"name\":\"y\"}", 400, "body", "name"),
                Arguments.of("no Content-Type", null, "{\"name\":\"x\"}", 415, "Content-Type", "application/json"),
                Arguments.of("lookalike type", "application/jsonx", "{\"name\":\"x\"}", 415, "Content-Type",
                        "application/jsonx"),
                Arguments.of("text/json with parameter", "text/json; foo", "{\"name\":\"x\"}", 415, "Content-Type",
                        "text/json"),
                Arguments.of("other charset", "application/json; charset=iso-8859-1", "{\"name\":\"x\"}", 415,
                        "Content-Type", "UTF-8"),
                Arguments.of("unpaired high surrogate", json, "{\"name\":\"desk \\ud800\"}", 400, "name",
                        "unpaired surrogate"),
                Arguments.of("unpaired low surrogate in secret", json,
                        "{\"webhookUrl\":\"https://hooks.example.org/in\",\"webhookSecret\":\"0123456789abcdef\\udc00\"}",
                        400, "webhookSecret", "unpaired surrogate"),
                Arguments.of("unpaired surrogate in a list", json, "{\"sources\":[\"TASS\",\"\\ud83d\"]}", 400,
                        "sources", "unpaired surrogate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void shouldRefuseTheBodyNamingWhatIsWrong(String label, String contentType, String body, int status, String field,
            String mentioned) throws Exception {
        //Given
        HttpRequest.Builder request = HttpRequest.newBuilder(t.uri("/subscriptions"))
                .header("Authorization", "Bearer " + ALICE_KEY).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        //When
        HttpResponse<String> r = t.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        //Then
        assertThat(r.statusCode()).as(label + ": " + r.body()).isEqualTo(status);
        JsonNode answer = Json.mapper().readTree(r.body());
        assertThat(answer.get("errors").findValuesAsText("field")).as(r.body()).contains(field);
        assertThat(answer.get("error").asText()).as(r.body()).contains(mentioned);
        assertThat(t.store.all()).isEmpty();
    }
}
