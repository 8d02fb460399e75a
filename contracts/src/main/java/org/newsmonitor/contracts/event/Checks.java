package org.newsmonitor.contracts.event;

import java.util.List;
import java.util.Map;

/** Construction-time checks for wire records; every failure names the record and the field. */
public final class Checks {
    private Checks() {
    }

    /** Fails unless {@code value} has visible text; returns it stripped. */
    public static String nonBlank(String record, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(record, field, "must not be blank");
        }
        return value.strip();
    }

    /** Fails unless {@code value} is present. */
    public static <T> T present(String record, String field, T value) {
        if (value == null) {
            throw new InvalidRecordException(record, field, "is required");
        }
        return value;
    }

    /** Fails unless {@code value} is at most {@code max} characters. */
    public static String maxLength(String record, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidRecordException(record, field, "must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    /**
     * Fails unless this record's schema version is one we can read: 1 up to {@code current}. The version is the
     * shape's major version (an additive change keeps it), so a higher one is a shape this reader cannot read.
     */
    public static int schemaVersion(String record, int version, int current) {
        if (version < 1) {
            throw new InvalidRecordException(record, "schemaVersion", "must be at least 1, was " + version);
        }
        if (version > current) {
            throw new InvalidRecordException(record, "schemaVersion",
                    "is " + version + " but this reader understands up to " + current);
        }
        return version;
    }

    /** Fails unless {@code value} lies in [min, max]. */
    public static double within(String record, String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidRecordException(record, field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** An immutable copy, empty when absent. */
    public static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    /** An immutable copy, empty when absent. */
    public static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    /** Null for blank text, otherwise the stripped text. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
