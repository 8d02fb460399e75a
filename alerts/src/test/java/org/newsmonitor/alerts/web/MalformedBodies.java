package org.newsmonitor.alerts.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** A seeded generator of malformed or hostile request bodies, for fuzzing the API. */
final class MalformedBodies {
    private static final List<String> VALID = List.of(
            "{\"name\":\"Gas desk\",\"themes\":[\"power-of-siberia\"],\"minScore\":2}",
            "{\"webhookUrl\":\"https://hooks.example.org/in\",\"webhookSecret\":\"0123456789abcdef0123\"}",
            "{\"email\":\"desk@example.org\",\"mode\":\"daily_digest\",\"languages\":[\"en\",\"ru\"]}",
            "{\"sources\":[\"TASS\"],\"includeSurges\":true,\"themes\":[\"*\"]}");
    private static final List<String> FIELDS = List.of("name", "themes", "minScore", "languages", "sources", "mode",
            "webhookUrl", "webhookSecret", "email", "includeSurges");
    private static final List<String> ODD_VALUES = List.of("null", "true", "-0", "1e999999", "-1e-999999",
            "NaN", "Infinity", "\"\\ud800\"", "\"\\udfff x\"", "\"a\\ud83d\"", "[]", "{}", "[null]", "[[[]]]",
            "\"\\u0000\"", "1.7976931348623157e309", "0x10", "01", "'single'", "\"" + "9".repeat(2000) + "\"",
            "\"http://[::1\"", "\"https://hooks.example.org:99999/\"", "\"http://a_b.example.org/\"",
            "\"http://%68ooks.example.org/\"", "\"mailto:x@example.org\"");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/jsonx", "text/json; foo", "text/plain", "application/merge-patch+json", "",
            "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/json;;;",
            "*/*", "application/x-www-form-urlencoded");

    private final Random random;

    MalformedBodies(long seed) {
        this.random = new Random(seed);
    }

    /** One malformed body. */
    byte[] next() {
        return switch (random.nextInt(12)) {
            case 0 -> utf8(nested(1 + random.nextInt(5000)));
            case 1 -> utf8("{\"minScore\":" + "9".repeat(1 + random.nextInt(20_000)) + "}");
            case 2 -> utf8(pick(VALID) + pick(List.of(" xyz", "{}", " ]", ",", "\u0000", " {\"name\":\"y\"}", "//")));
            case 3 -> utf8("{\"" + pick(FIELDS) + "\":" + pick(ODD_VALUES) + "}");
            case 4 -> truncated(utf8(pick(VALID)));
            case 5 -> flipped(utf8(pick(VALID)));
            case 6 -> randomBytes();
            case 7 -> utf8("{\"" + pick(FIELDS) + "\":[" + pick(ODD_VALUES) + "," + pick(ODD_VALUES) + "]}");
            case 8 -> utf8("{\"name\":\"a\",\"name\":\"b\"," + pick(VALID).substring(1));
            case 9 -> utf8("{\"\\ud800" + pick(FIELDS) + "\":1}");
            case 10 -> utf8(pick(List.of("", " ", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\"}", "{,}")));
            default -> utf8("{\"name\":\"" + "x".repeat(random.nextInt(3000)) + "\\u" + hex() + "\"}");
        };
    }

    /** A Content-Type for the next request, sometimes none (null). */
    String contentType() {
        return random.nextInt(8) == 0 ? null : pick(CONTENT_TYPES);
    }

    private String nested(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"themes\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private byte[] truncated(byte[] valid) {
        byte[] out = new byte[random.nextInt(valid.length)];
        System.arraycopy(valid, 0, out, 0, out.length);
        return out;
    }

    private byte[] flipped(byte[] valid) {
        byte[] out = valid.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] randomBytes() {
        byte[] out = new byte[random.nextInt(200)];
        random.nextBytes(out);
        return out;
    }

    private String hex() {
        return String.format("%04x", 0xd800 + random.nextInt(0x800));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
