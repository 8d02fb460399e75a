package org.newsmonitor.themes.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Labelled articles read from JSON Lines ({@code {"id","title","summary","content"?,"language"?,"labels"}} per
 * line), with every line that could not be used reported as {@code origin:line: problem}. A bad line never stops
 * the others from being read.
 *
 * @param articles the usable articles, in input order
 * @param problems one message per refused line, naming the origin and the line
 */
public record LabelledSet(List<LabelledArticle> articles, List<String> problems) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LabelledSet {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    /**
     * Reads one labelled file.
     *
     * @param reader     the lines
     * @param origin     file name for the messages
     * @param knownThemes theme ids a label may name; a line with another label is refused
     */
    public static LabelledSet read(BufferedReader reader, String origin, Set<String> knownThemes) throws IOException {
        List<LabelledArticle> articles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                articles.add(parse(line, knownThemes));
            } catch (IllegalArgumentException e) {
                problems.add(origin + ":" + number + ": " + e.getMessage());
            }
        }
        return new LabelledSet(articles, problems);
    }

    /** This set followed by {@code other}. */
    public LabelledSet plus(LabelledSet other) {
        List<LabelledArticle> a = new ArrayList<>(articles);
        a.addAll(other.articles);
        List<String> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new LabelledSet(a, p);
    }

    private static LabelledArticle parse(String line, Set<String> knownThemes) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = required(node, "id");
        String title = required(node, "title");
        JsonNode labelNode = node.get("labels");
        if (labelNode == null || !labelNode.isArray()) {
            throw new IllegalArgumentException("article '" + id + "': missing field 'labels' (an array of theme"
                    + " ids, empty for a negative example)");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : labelNode) {
            if (!label.isTextual() || !knownThemes.contains(label.asText())) {
                throw new IllegalArgumentException("article '" + id + "': unknown theme label " + label
                        + " (known: " + String.join(", ", knownThemes.stream().sorted().toList()) + ")");
            }
            labels.add(label.asText());
        }
        String summary = optional(node, "summary");
        String content = optional(node, "content");
        if (summary.isBlank() && content.isBlank() && node.get("summary") == null) {
            throw new IllegalArgumentException("article '" + id + "': missing field 'summary'");
        }
        return new LabelledArticle(id, title, summary, content, optional(node, "language"), labels);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "' (a non-empty string)");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
