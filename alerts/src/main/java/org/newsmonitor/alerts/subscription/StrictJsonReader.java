package org.newsmonitor.alerts.subscription;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body as one JSON object, strictly: nothing after the object, no field twice, no nesting deeper than
 * {@value #MAX_DEPTH} levels, no number longer than {@value #MAX_NUMBER_DIGITS} digits, and no string with an
 * unpaired UTF-16 surrogate (such a string cannot be encoded as UTF-8, so a webhook secret holding one would sign
 * with other bytes than the client holds). Every refusal names what is wrong and where. Pure.
 */
public final class StrictJsonReader {
    /** Deepest nesting accepted; a subscription needs two levels. */
    static final int MAX_DEPTH = 16;
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_DIGITS = 100;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_DIGITS).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJsonReader() {
    }

    /**
     * Reads the text as one JSON object.
     *
     * @param body the request body; may be null or blank (refused)
     * @return the object; never null
     * @throws InvalidSubscriptionException (malformed) naming the body, or the field holding a bad string
     */
    public static ObjectNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("body", "is empty; expected a JSON object");
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            root = MAPPER.readTree(parser);
            JsonLocation end = parser.currentLocation();
            if (nextToken(parser)) {
                throw malformed("body", "has content after the JSON object (line " + end.getLineNr() + ", column "
                        + end.getColumnNr() + "); send exactly one object");
            }
        } catch (StreamConstraintsException e) {
            throw malformed("body", constraintMessage(e));
        } catch (JsonProcessingException e) {
            throw malformed("body", "is not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("body", "could not be read: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw malformed("body", "must be a JSON object");
        }
        checkStrings(object, "body", null);
        return object;
    }

    /** Whether anything but whitespace follows; unreadable trailing text counts as content. */
    private static boolean nextToken(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private static String constraintMessage(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting")) {
            return "nests deeper than " + MAX_DEPTH + " levels of arrays and objects";
        }
        if (m.contains("Number")) {
            return "holds a number of more than " + MAX_NUMBER_DIGITS + " digits";
        }
        return "exceeds a JSON limit: " + m;
    }

    private static String where(JsonLocation location) {
        // constraint and some decoding errors carry no location
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Refuses any field name or string value, at any depth, that holds an unpaired surrogate. */
    private static void checkStrings(JsonNode node, String field, String topField) {
        if (node.isTextual()) {
            int at = unpairedSurrogate(node.textValue());
            if (at >= 0) {
                throw malformed(topField == null ? field : topField, "holds an unpaired surrogate \\u"
                        + String.format("%04x", (int) node.textValue().charAt(at)) + " at character " + at
                        + "; strings must be valid Unicode");
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (unpairedSurrogate(e.getKey()) >= 0) {
                    throw malformed("body", "has a field name with an unpaired surrogate; names must be valid Unicode");
                }
                checkStrings(e.getValue(), e.getKey(), topField == null ? e.getKey() : topField);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                checkStrings(item, field, topField == null ? field : topField);
            }
        }
    }

    /** The index of the first unpaired surrogate, or -1. */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidSubscriptionException malformed(String field, String message) {
        return new InvalidSubscriptionException(List.of(new FieldError(field, message)), true);
    }
}
