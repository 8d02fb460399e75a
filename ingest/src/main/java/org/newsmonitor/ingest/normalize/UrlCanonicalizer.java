package org.newsmonitor.ingest.normalize;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of article links, so that one story reached through different tracking links gets one id:
 * scheme and host lower-cased, default port and fragment dropped, tracking parameters removed, empty path as "/".
 * Only http and https links are kept; anything else (javascript:, data:, file:, mailto:) becomes null. Control and
 * bidi-override characters are removed first, as from text ({@link TextCleaner}).
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid",
            "yclid", "ysclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src",
            "ncid", "cmpid", "wt.mc_id", "oly_anon_id", "oly_enc_id", "vero_id", "spm", "share_token", "at_medium",
            "at_campaign", "rss_source", "from_rss");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of {@code raw}, or null when it is blank, not absolute, not http(s) or not a valid URL.
     *
     * @param raw a link as found in a feed; may be null
     * @return canonical absolute URL; may be null
     */
    public static String canonical(String raw) {
        // control and bidi-override characters go first: java.net.URI accepts them, and they disguise a link
        String cleaned = TextCleaner.oneLine(raw);
        if (cleaned == null) {
            return null;
        }
        String s = cleaned.replace(" ", "%20");
        if (s.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        String host = uri.getHost();
        if (host == null) {
            host = hostFromAuthority(uri.getRawAuthority());
            if (host == null) {
                return null;
            }
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = cleanQuery(uri.getRawQuery());
        StringBuilder out = new StringBuilder(s.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** True when {@code name} is a known tracking parameter (utm_* and friends). */
    public static boolean isTrackingParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || TRACKING_PARAMS.contains(n);
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        StringBuilder kept = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (isTrackingParameter(name)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    // URI leaves the host null for names with characters such as '_'; take it from the authority instead
    private static String hostFromAuthority(String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = a.lastIndexOf(':');
        if (colon > 0 && !a.startsWith("[")) {
            a = a.substring(0, colon);
        }
        return a.isEmpty() ? null : a;
    }
}
