package org.newsmonitor.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay-seconds or an HTTP-date, capped at {@link #MAX}; garbage is ignored. */
public final class RetryAfter {
    /** Longest delay honoured. */
    public static final Duration MAX = Duration.ofHours(24);

    private RetryAfter() {
    }

    /**
     * The delay a Retry-After value asks for.
     *
     * @param value the header value; may be null
     * @param now   the current time, for HTTP-dates
     * @return the delay, between 0 and {@link #MAX}; null when absent or unreadable
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,30}")) {
            if (v.length() > 9) {
                return MAX;
            }
            return cap(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : cap(d);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
