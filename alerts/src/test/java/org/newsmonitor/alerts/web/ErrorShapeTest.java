package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Lexicon;

/** Every route, given a bad request, answers an error in the one shape: {status, error, field, errors}. */
class ErrorShapeTest {
    private SearchService search;
    private TestApp t;
    private String id;

    /**
     * A bad request for a route.
     *
     * @param method        the method sent (another than the route's to provoke a 405)
     * @param path          path and query sent
     * @param authorization Authorization header; null for none
     * @param contentType   Content-Type; null for none
     * @param body          body; null for none
     * @param status        expected status
     * @param field         expected field at fault
     */
    private record Bad(String method, String path, String authorization, String contentType, String body, int status,
            String field) {
    }

    @BeforeEach
    void start() throws Exception {
        search = new SearchService(ArticleIndex.inMemory(), Lexicon.empty(), new ArticleText(TextLimits.MAX_CONTENT),
                Clock.systemUTC());
        t = new TestApp(search);
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, "{}");
        id = Json.mapper().readTree(created.body()).get("id").asText();
    }

    @AfterEach
    void stop() {
        t.close();
        search.close();
    }

    private Map<String, Bad> badRequestPerRoute() {
        String alice = "Bearer " + ALICE_KEY;
        String json = "application/json";
        Map<String, Bad> bad = new LinkedHashMap<>();
        bad.put("GET /health", new Bad("POST", "/health", null, null, null, 405, "method"));
        bad.put("GET /themes", new Bad("PUT", "/themes", null, null, null, 405, "method"));
        bad.put("GET /openapi.json", new Bad("DELETE", "/openapi.json", null, null, null, 405, "method"));
        bad.put("GET /api-docs", new Bad("POST", "/api-docs", null, json, "{}", 405, "method"));
        bad.put("GET /alerts", new Bad("GET", "/alerts?limit=0", null, null, null, 400, "limit"));
        bad.put("GET /alerts/events", new Bad("POST", "/alerts/events", null, null, null, 405, "method"));
        bad.put("GET /stats", new Bad("GET", "/stats?granularity=week", null, null, null, 400, "granularity"));
        bad.put("GET /search", new Bad("GET", "/search?q=NOT%20gas", null, null, null, 422, "q"));
        bad.put("GET /stories/{id}", new Bad("GET", "/stories/story-none", null, null, null, 404, "id"));
        bad.put("POST /subscriptions/preview", new Bad("POST", "/subscriptions/preview", alice, json,
                "{\"query\":\"gas AND\"}", 422, "query"));
        bad.put("POST /subscriptions", new Bad("POST", "/subscriptions", alice, "text/plain", "{}", 415,
                "Content-Type"));
        bad.put("GET /subscriptions", new Bad("GET", "/subscriptions", null, null, null, 401, "Authorization"));
        bad.put("GET /subscriptions/{id}", new Bad("GET", "/subscriptions/-x", alice, null, null, 400, "id"));
        bad.put("PUT /subscriptions/{id}", new Bad("PUT", "/subscriptions/" + id, alice, json,
                "{\"themes\":[\"moon-base\"]}", 422, "themes"));
        bad.put("PATCH /subscriptions/{id}", new Bad("PATCH", "/subscriptions/" + id, alice, json, "{", 400, "body"));
        bad.put("DELETE /subscriptions/{id}", new Bad("DELETE", "/subscriptions/sub-missing", alice, null, null, 404,
                "id"));
        bad.put("GET /subscriptions/{id}/deliveries", new Bad("GET", "/subscriptions/" + id + "/deliveries?limit=x",
                alice, null, null, 400, "limit"));
        bad.put("GET /subscriptions/{id}/events", new Bad("GET", "/subscriptions/" + id + "/events", "Bearer nope",
                null, null, 401, "Authorization"));
        bad.put("GET /subscriptions/{id}/feed.atom", new Bad("GET", "/subscriptions/" + id + "/feed.atom?token=ft_x",
                null, null, null, 404, "token"));
        bad.put("POST /subscriptions/{id}/feed-token", new Bad("POST", "/subscriptions/" + id + "/feed-token",
                "Basic YWxpY2U6eA==", null, null, 401, "Authorization"));
        return bad;
    }

    private HttpResponse<String> send(Bad b) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(t.uri(b.path())).timeout(Duration.ofSeconds(10))
                .method(b.method(), b.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(b.body()));
        if (b.authorization() != null) {
            r.header("Authorization", b.authorization());
        }
        if (b.contentType() != null) {
            r.header("Content-Type", b.contentType());
        }
        return t.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertShape(HttpResponse<String> r, int status, String field) throws Exception {
        String what = r.request().method() + " " + r.uri().getPath() + " -> " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.get("field").asText()).as(what).isEqualTo(field);
        assertThat(body.get("error").asText()).as(what).isNotBlank();
        assertThat(body.get("errors").get(0).get("field").asText()).as(what).isEqualTo(field);
        assertThat(body.get("errors").get(0).get("message").asText()).as(what).isNotBlank();
    }

    @Test
    void shouldAnswerABadRequestOnEveryRouteInTheOneErrorShape() throws Exception {
        //Given
        Map<String, Bad> bad = badRequestPerRoute();
        Set<String> registered = t.httpRoutes();
        assertThat(new TreeSet<>(bad.keySet())).as("a bad request for every route").isEqualTo(registered);
        for (Bad b : bad.values()) {
            //When
            HttpResponse<String> r = send(b);
            //Then
            assertShape(r, b.status(), b.field());
        }
    }

    @Test
    void shouldRefuseAStoryOpenedAtAnArticleThatIsNotOneOfItsCopiesNamingTheArticle() throws Exception {
        //Given: a story of one article
        Instant at = Instant.parse("2026-05-01T08:00:00Z");
        search.index().index("lone", ArticleEvent.of("lone", "feed-lone", "Wire", null, "Weather in Harbin", "Cold.",
                null, "en", at, at, List.of()));
        //When
        HttpResponse<String> unknown = send(new Bad("GET", "/stories/lone?article=elsewhere", null, null, null, 404,
                "article"));
        HttpResponse<String> both = send(new Bad("GET", "/stories/lone?article=lone&offset=0", null, null, null, 400,
                "article"));
        //Then
        assertShape(unknown, 404, "article");
        assertThat(Json.mapper().readTree(unknown.body()).get("error").asText()).contains("'elsewhere'", "'lone'");
        assertShape(both, 400, "article");
    }

    @Test
    void shouldRefuseABadOrReversedStatsRangeNamingTheParameter() throws Exception {
        //When
        HttpResponse<String> badFrom = send(new Bad("GET", "/stats?from=2026-13-01", null, null, null, 400, "from"));
        HttpResponse<String> badTo = send(new Bad("GET", "/stats?to=yesterday", null, null, null, 400, "to"));
        HttpResponse<String> reversed = send(new Bad("GET", "/stats?from=2026-05-02&to=2026-05-01", null, null, null,
                400, "from"));
        //Then
        assertShape(badFrom, 400, "from");
        assertShape(badTo, 400, "to");
        assertShape(reversed, 400, "from");
    }

    @Test
    void shouldAnswerUnknownRoutesWrongMethodsAndOversizedBodiesInTheSameShape() throws Exception {
        //When
        HttpResponse<String> unknown = send(new Bad("GET", "/no/such/route", null, null, null, 404, "path"));
        HttpResponse<String> unknownPost = send(new Bad("POST", "/nothing-here", null, "application/json", "{}", 404,
                "path"));
        HttpResponse<String> wrongMethod = send(new Bad("DELETE", "/stats", null, null, null, 405, "method"));
        HttpResponse<String> huge = send(new Bad("POST", "/subscriptions", "Bearer " + ALICE_KEY, "application/json",
                "{\"name\":\"" + "x".repeat(40_000) + "\"}", 413, "body"));
        //Then
        assertShape(unknown, 404, "path");
        assertShape(unknownPost, 404, "path");
        assertShape(wrongMethod, 405, "method");
        assertThat(wrongMethod.headers().firstValue("Allow").orElse("")).contains("GET");
        assertShape(huge, 413, "body");
    }
}
