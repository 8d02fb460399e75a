package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.json.Json;

/** GET /openapi.json describes exactly the routes the app registers. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private static JsonNode document() throws Exception {
        return Json.mapper().readTree(OpenApiDocument.text());
    }

    @Test
    void shouldDescribeEveryRegisteredRouteAndNoOther() throws Exception {
        //Given
        Set<String> registered = t.httpRoutes();
        //When
        Set<String> described = new TreeSet<>();
        for (Iterator<String> paths = document().get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            for (Iterator<String> keys = document().get("paths").get(path).fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    described.add(key.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        //Then
        assertThat(registered).isNotEmpty();
        assertThat(described).isEqualTo(registered);
    }

    @Test
    void shouldDescribeHowAStoryOpensAtACopyAndPagesBothWays() throws Exception {
        //When
        JsonNode story = document().get("paths").get("/stories/{id}").get("get");
        //Then
        List<String> parameters = new ArrayList<>();
        story.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).containsExactlyInAnyOrder("id", "q", "limit", "offset", "article");
        JsonNode answer = story.at("/responses/200/content/application~1json/schema/properties");
        assertThat(answer.has("offset")).isTrue();
        assertThat(answer.has("nextOffset")).isTrue();
        assertThat(answer.has("previousOffset")).isTrue();
        assertThat(story.get("responses").has("404")).isTrue();
    }

    @Test
    void shouldServeTheDocumentWithResolvableReferencesAndAnErrorResponseOnEveryOperation() throws Exception {
        //When
        HttpResponse<String> r = t.send("GET", "/openapi.json", null, null);
        //Then
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = Json.mapper().readTree(r.body());
        assertThat(doc).isEqualTo(document());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        doc.get("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                assertThat(op.getValue().get("responses").has("500")).as(op.getValue().get("operationId").asText())
                        .isTrue();
            }
        }));
        assertThat(doc.at("/components/schemas/Error/required").toString()).contains("\"error\"", "\"field\"");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
