package org.newsmonitor.alerts.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Where a page of search results ended: the sort values of its last hit (score for relevance, publication time,
 * article id). Opaque to clients (base64url); the next page starts strictly after it, so articles added meanwhile
 * never repeat or push others out of the pages still to come.
 *
 * @param order     the order the cursor belongs to
 * @param score     the last hit's score (relevance order only)
 * @param published the last hit's publication time, epoch milliseconds
 * @param articleId the last hit's id
 */
public record SearchCursor(SearchOrder order, float score, long published, String articleId) {

    /** The cursor as sent to clients. */
    public String token() {
        String raw = (order == SearchOrder.RELEVANCE ? "r" : "n") + "|" + Float.floatToIntBits(score) + "|" + published
                + "|" + articleId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static SearchCursor parse(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            if (parts.length != 4 || !(parts[0].equals("r") || parts[0].equals("n")) || parts[3].isEmpty()) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return new SearchCursor(parts[0].equals("r") ? SearchOrder.RELEVANCE : SearchOrder.NEWEST,
                    Float.intBitsToFloat(Integer.parseInt(parts[1])), Long.parseLong(parts[2]), parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by /search", e);
        }
    }

    /**
     * The position to search after, in the fields of {@link SearchOrder#sort()}. Ids are unique, so the document
     * number (Lucene's last tie-break) only has to place the cursor's own article before the position: the
     * highest document number of the reader does.
     */
    FieldDoc after(int maxDoc) {
        BytesRef id = new BytesRef(articleId);
        Object[] fields = order == SearchOrder.RELEVANCE ? new Object[] {score, published, id}
                : new Object[] {published, id};
        return new FieldDoc(Math.max(0, maxDoc - 1), score, fields);
    }
}
