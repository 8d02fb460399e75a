package org.newsmonitor.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: "a-" followed by 32 hex digits of a SHA-256 hash. The input is the canonical URL when there is
 * one, otherwise the feed's guid (scoped to the feed, since guids are only unique within it), otherwise the text.
 * The same item polled again, replayed from an archive, or found through a tracking link gets the same id.
 */
public final class ArticleIds {
    /** Prefix of every id made here. */
    public static final String PREFIX = "a-";

    private ArticleIds() {
    }

    /**
     * The id of an item.
     *
     * @param canonicalUrl the canonical link; may be null
     * @param feedId       the feed the item came from; never null
     * @param guid         the item's guid or Atom id; may be null
     * @param title        the title; may be null
     * @param summary      the summary; may be null
     * @return the id; never null
     */
    public static String of(String canonicalUrl, String feedId, String guid, String title, String summary) {
        if (canonicalUrl != null) {
            return hash("url:" + canonicalUrl);
        }
        if (guid != null && !guid.isBlank()) {
            String g = guid.strip();
            String guidUrl = UrlCanonicalizer.canonical(g);
            return guidUrl != null ? hash("url:" + guidUrl) : hash("guid:" + feedId + "\n" + g);
        }
        return hash("text:" + feedId + "\n" + (title == null ? "" : title.strip()) + "\n"
                + (summary == null ? "" : summary.strip()));
    }

    /** The id for a canonical URL. */
    public static String ofUrl(String canonicalUrl) {
        return hash("url:" + canonicalUrl);
    }

    private static String hash(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
