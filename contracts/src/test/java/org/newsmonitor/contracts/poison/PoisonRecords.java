package org.newsmonitor.contracts.poison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile record values that every reader of a monitor topic must survive: random bytes, truncated JSON, nesting
 * thousands of levels deep, numbers of thousands of digits, JSON null, nulls and wrong shapes in every field of the
 * record type. The monitor's tests feed them to each reader and expect a clear error or a dead letter, never an
 * unexpected exception; other services consuming the topics can do the same. Deterministic for a given seed.
 */
public final class PoisonRecords {
    /** Nesting depth of the deep cases: far beyond the JSON parser's limit of 1,000. */
    public static final int DEEP = 5_000;
    /** Digits of the huge-number cases: far beyond the JSON parser's limit of 1,000. */
    public static final int DIGITS = 5_000;

    private final Random random;
    private final List<String> fields;

    /**
     * @param recordType the record type read from the topic; its components give the field names
     * @param seed       the seed of the cases
     */
    public PoisonRecords(Class<? extends Record> recordType, long seed) {
        this.random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (var component : recordType.getRecordComponents()) {
            names.add(component.getName());
        }
        this.fields = List.copyOf(names);
    }

    /**
     * One value of every kind, then {@code randomCount} more drawn at random from the kinds.
     *
     * @return the cases; never null
     */
    public List<PoisonCase> cases(int randomCount) {
        List<PoisonCase> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(next(kind));
        }
        for (int i = 0; i < randomCount; i++) {
            cases.add(next(Kind.values()[random.nextInt(Kind.values().length)]));
        }
        return cases;
    }

    /** The kinds of hostile value. */
    public enum Kind {
        /** Bytes drawn at random, often not UTF-8. */
        RANDOM_BYTES,
        /** A JSON object with the record's fields, cut short. */
        TRUNCATED,
        /** A field holding arrays nested {@link #DEEP} levels. */
        DEEP_ARRAYS,
        /** Objects nested {@link #DEEP} levels. */
        DEEP_OBJECTS,
        /** A field holding a number of {@link #DIGITS} digits. */
        HUGE_NUMBER,
        /** The JSON literal null. */
        JSON_NULL,
        /** Every field of the record null. */
        NULL_FIELDS,
        /** Every field of the record holding a value of a random, mostly wrong, type. */
        WRONG_SHAPES,
        /** A JSON value that is not an object. */
        NOT_AN_OBJECT,
        /** No bytes at all. */
        EMPTY,
        /** A valid object followed by more content. */
        TRAILING_CONTENT
    }

    private PoisonCase next(Kind kind) {
        String text = switch (kind) {
            case RANDOM_BYTES -> null;
            case TRUNCATED -> {
                String whole = object(false);
                yield whole.substring(0, random.nextInt(Math.max(1, whole.length() - 1)));
            }
            case DEEP_ARRAYS -> "{\"" + field() + "\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}";
            case DEEP_OBJECTS -> "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
            case HUGE_NUMBER -> "{\"schemaVersion\":1,\"" + field() + "\":" + (random.nextBoolean() ? "-" : "")
                    + "9".repeat(DIGITS) + (random.nextBoolean() ? ".5" : "") + "}";
            case JSON_NULL -> "null";
            case NULL_FIELDS -> object(true);
            case WRONG_SHAPES -> object(false);
            case NOT_AN_OBJECT -> List.of("[]", "[1,2]", "\"text\"", "42", "true", "1e999999").get(random.nextInt(6));
            case EMPTY -> "";
            case TRAILING_CONTENT -> object(false) + " xyz";
        };
        if (text == null) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            return new PoisonCase(kind, bytes);
        }
        return new PoisonCase(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    private String field() {
        return fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
    }

    private String object(boolean allNull) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":1");
        for (String field : fields) {
            if (!field.equals("schemaVersion")) {
                json.append(",\"").append(field).append("\":").append(allNull ? "null" : anyValue(2));
            }
        }
        return json.append('}').toString();
    }

    private String anyValue(int depth) {
        int choice = random.nextInt(depth > 0 ? 9 : 7);
        return switch (choice) {
            case 0 -> "null";
            case 1 -> "\"" + List.of("", " ", "x", "\\u0000", "\\ud800", "2025-13-45T99:99:99Z", "ERROR", "Кремль",
                    "a".repeat(300)).get(random.nextInt(9)) + "\"";
            case 2 -> String.valueOf(random.nextInt());
            case 3 -> List.of("-1", "0", "1.5e308", "-0.0", "9223372036854775808").get(random.nextInt(5));
            case 4 -> String.valueOf(random.nextBoolean());
            case 5 -> "\"" + "2025-01-02T03:04:05Z" + "\"";
            case 6 -> "[]";
            case 7 -> "[" + anyValue(depth - 1) + "," + anyValue(depth - 1) + "]";
            default -> "{\"" + field() + "\":" + anyValue(depth - 1) + "}";
        };
    }
}
