package org.newsmonitor.themes.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled articles from JSON Lines: one {@code {"id","title","summary","language","labels"}} per line. */
public final class EvaluationSet {

    /** The tuning part of the development set: rules are tuned on it. */
    public static final String MAIN = "eval/articles.jsonl";

    /** The held-back part of the development set: never used to tune rules (see docs/themes.md). */
    public static final String HOLDOUT = "eval/held-back.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationSet() {
    }

    /** Loads a set from the test classpath; a malformed line fails with the resource name and line number. */
    public static List<LabelledArticle> fromResource(String resource) {
        try (InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("evaluation set not found on the classpath: " + resource);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evaluation set " + resource, e);
        }
    }

    private static List<LabelledArticle> read(BufferedReader reader, String origin) throws IOException {
        List<LabelledArticle> articles = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            articles.add(parse(line, origin, lineNumber));
        }
        return articles;
    }

    private static LabelledArticle parse(String line, String origin, int lineNumber) {
        try {
            JsonNode node = JSON.readTree(line);
            String id = text(node, "id", origin, lineNumber);
            List<String> labels = new ArrayList<>();
            JsonNode labelNode = node.path("labels");
            if (!labelNode.isArray()) {
                throw new IllegalArgumentException(origin + ":" + lineNumber + ": 'labels' must be an array");
            }
            labelNode.forEach(l -> labels.add(l.asText()));
            return new LabelledArticle(id, text(node, "title", origin, lineNumber),
                    node.path("summary").asText(""), node.path("language").asText(""), labels);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ":" + lineNumber + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String origin, int lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(origin + ":" + lineNumber + ": missing text field '" + field + "'");
        }
        return value.asText();
    }
}
