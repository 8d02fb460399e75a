package org.newsmonitor.themes;

/**
 * An article as the matcher sees it. Null fields are treated as empty text.
 *
 * @param id       article id (reported back, never interpreted); may be null
 * @param title    title text; may be null
 * @param summary  summary or description; may be null
 * @param content  full text; may be null
 * @param language language tag such as "en"; informative only, may be null
 */
public record Document(String id, String title, String summary, String content, String language) {
    public Document {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
    }

    /** A document with just a title and a summary. */
    public static Document of(String id, String title, String summary) {
        return new Document(id, title, summary, null, null);
    }
}
