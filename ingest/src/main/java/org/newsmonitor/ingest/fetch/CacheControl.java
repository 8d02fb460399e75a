package org.newsmonitor.ingest.fetch;

import java.time.Duration;
import java.util.Locale;

/** Reads the max-age of a Cache-Control header (s-maxage is for shared caches and ignored); garbage is ignored. */
public final class CacheControl {
    /** Longest max-age read; longer values are read as this. */
    public static final Duration MAX = Duration.ofDays(1);

    private CacheControl() {
    }

    /**
     * The max-age a Cache-Control value gives.
     *
     * @param value the header value; may be null
     * @return the max-age, between 0 and {@link #MAX}; null when absent, unreadable, or when {@code no-cache} or
     *         {@code no-store} is present
     */
    public static Duration maxAge(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration found = null;
        for (String directive : value.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-cache") || d.equals("no-store")) {
                return null;
            }
            if (d.startsWith("max-age=") && found == null) {
                String n = d.substring("max-age=".length()).strip().replace("\"", "");
                if (n.matches("\\d{1,30}")) {
                    found = n.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(n));
                    found = found.compareTo(MAX) > 0 ? MAX : found;
                }
            }
        }
        return found;
    }
}
