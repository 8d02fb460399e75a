package org.newsmonitor.alerts.web;

import java.util.List;
import java.util.Locale;

/**
 * Checks a request's Content-Type: exactly one of the accepted JSON media types, with no parameter but an optional
 * {@code charset=utf-8}. Lookalikes ({@code application/jsonx}, {@code text/json}) and a missing header are refused,
 * so that a body is never read as JSON that the client did not send as JSON. Pure.
 */
final class JsonContentType {
    /** The media type of every JSON body. */
    static final String JSON = "application/json";
    /** The media type of a JSON merge patch (RFC 7396); also accepted as plain JSON on PATCH. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private JsonContentType() {
    }

    /**
     * Checks the header against the accepted media types.
     *
     * @param header   the Content-Type header; may be null
     * @param accepted media types in lower case, e.g. {@link #JSON}
     * @throws ApiError 415 naming the header and what it must be
     */
    static void check(String header, List<String> accepted) {
        String expected = String.join(" or ", accepted);
        if (header == null || header.isBlank()) {
            throw refused("is required and must be " + expected);
        }
        String[] parts = header.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            throw refused("must be " + expected + ", was '" + shown(header) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : parameter.substring(eq + 1).strip().replace("\"", "");
            if (!name.equals("charset")) {
                throw refused("must be " + expected + " with at most a charset parameter, was '" + shown(header)
                        + "'");
            }
            if (!value.equalsIgnoreCase("utf-8")) {
                throw refused("must declare charset UTF-8 (or none), was '" + shown(header) + "'");
            }
        }
    }

    private static ApiError refused(String message) {
        return new ApiError(415, "Content-Type", message);
    }

    private static String shown(String header) {
        String clean = header.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
    }
}
