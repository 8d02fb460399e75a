package org.newsmonitor.stream.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled story pairs of {@code stories/story-pairs.jsonl}: two outlets' items (title, lede, source,
 * publication time, language), labelled {@code same} (one report, re-worded) or {@code different} (two reports on
 * the same subject and day), each in the {@code tuning} or the {@code held-back} part (fixed once, by the SHA-256 of
 * the pair's group: the first byte divisible by 3 means held back, so a group's pairs are all on one side).
 */
record StoryPairs(List<Pair> pairs) {
    static final String RESOURCE = "/stories/story-pairs.jsonl";

    /** One item: an outlet's version of a report. */
    record Item(String id, String source, Instant published, String language, String title, String lede) {
    }

    /** One labelled pair. */
    record Pair(String id, String group, boolean same, boolean heldBack, Item a, Item b) {
    }

    /** The pairs of the project's set. */
    static StoryPairs load() {
        try (InputStream in = StoryPairs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("story pairs not found on the class path: " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads pairs, one JSON object a line; a bad line fails with its name and line number. */
    static StoryPairs read(BufferedReader reader, String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = mapper.readTree(line);
                String label = text(node, "label");
                String part = text(node, "part");
                if (!label.equals("same") && !label.equals("different")) {
                    throw new IllegalArgumentException("label must be same or different, was " + label);
                }
                if (!part.equals("tuning") && !part.equals("held-back")) {
                    throw new IllegalArgumentException("part must be tuning or held-back, was " + part);
                }
                pairs.add(new Pair(text(node, "id"), text(node, "group"), label.equals("same"),
                        part.equals("held-back"), item(node.path("a")), item(node.path("b"))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new StoryPairs(List.copyOf(pairs));
    }

    private static Item item(JsonNode node) {
        return new Item(text(node, "id"), text(node, "source"), Instant.parse(text(node, "published")),
                text(node, "language"), text(node, "title"), text(node, "lede"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing or empty");
        }
        return value.asText();
    }
}
