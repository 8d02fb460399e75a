package org.newsmonitor.ingest.fulltext;

/**
 * The main text of an article page.
 *
 * @param text   plain text with paragraph breaks, cleaned; empty when no body was found; never null
 * @param method how the body was found: {@code selector} (the feed's contentSelector), {@code article-body}
 *               (schema.org articleBody markup) or {@code scored} (the block with the most paragraph text)
 */
public record MainText(String text, String method) {
    /** No body found. */
    public static final MainText NONE = new MainText("", "none");

    /** Length in characters (code points). */
    public int length() {
        return text.codePointCount(0, text.length());
    }
}
