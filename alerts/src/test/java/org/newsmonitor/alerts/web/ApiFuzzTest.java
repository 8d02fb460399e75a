package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.json.Json;

/** Thousands of generated malformed bodies to every route: a client's mistake never gets a 5xx. */
class ApiFuzzTest {
    private static final long SEED = 19_03L;
    private static final int REQUESTS = 3000;
    private TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void shouldAnswerEveryMalformedBodyOnEveryRouteWithoutA5xx() throws Exception {
        //Given
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY,
                "{\"webhookUrl\":\"https://hooks.example.org/in\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.mapper().readTree(created.body()).get("id").asText();
        List<String[]> routes = List.of(new String[] {"POST", "/subscriptions"},
                new String[] {"PUT", "/subscriptions/" + id}, new String[] {"PATCH", "/subscriptions/" + id},
                new String[] {"PUT", "/subscriptions/sub-missing"}, new String[] {"PATCH", "/subscriptions/sub-missing"},
                new String[] {"POST", "/subscriptions/" + id}, new String[] {"DELETE", "/subscriptions/sub-missing"},
                new String[] {"GET", "/subscriptions"}, new String[] {"GET", "/subscriptions/" + id},
                new String[] {"GET", "/subscriptions/" + id + "/deliveries"}, new String[] {"POST", "/alerts"},
                new String[] {"POST", "/themes"}, new String[] {"POST", "/stats"}, new String[] {"POST", "/health"},
                new String[] {"POST", "/alerts/events"}, new String[] {"PUT", "/subscriptions"});
        MalformedBodies bodies = new MalformedBodies(SEED);
        Random pick = new Random(SEED);
        List<String> failures = new ArrayList<>();
        //When
        for (int i = 0; i < REQUESTS; i++) {
            String[] route = routes.get(pick.nextInt(routes.size()));
            byte[] body = bodies.next();
            String type = bodies.contentType();
            HttpRequest.Builder request = HttpRequest.newBuilder(t.uri(route[1])).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + ALICE_KEY)
                    .method(route[0], HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null && !type.isEmpty()) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> r = t.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                String shown = new String(body, StandardCharsets.UTF_8);
                failures.add(route[0] + " " + route[1] + " [" + type + "] "
                        + shown.substring(0, Math.min(120, shown.length())) + " -> " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        //Then
        assertThat(failures).as("requests answered with 5xx (%d)", failures.size()).isEmpty();
    }
}
