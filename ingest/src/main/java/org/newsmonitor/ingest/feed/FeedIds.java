package org.newsmonitor.ingest.feed;

import java.net.URI;
import java.util.Locale;

/** Derives a readable, stable feed id from a feed URL when the list gives none: "tass-com-rss-v2-xml". */
public final class FeedIds {
    private FeedIds() {
    }

    /**
     * The id for a feed URL: host without "www." plus path and query, lower-case, runs of other characters as '-'.
     *
     * @param url an absolute URL; never null
     * @return an id valid for {@link FeedDefinition}; never null
     */
    public static String fromUrl(URI url) {
        String host = url.getHost() == null ? "feed" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String rest = (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "-" + url.getRawQuery());
        String slug = (host + "-" + rest).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "feed" : slug;
    }
}
