package org.newsmonitor.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, as text; not yet normalised.
 *
 * @param guid          guid, Atom id or rdf:about; may be null
 * @param link          absolute link, resolved against xml:base and the feed URL; may be null
 * @param title         plain-text title; never null
 * @param summary       plain-text description or summary; never null
 * @param content       plain-text full content (content:encoded, Atom content); may be null
 * @param publishedText the publication date as written; may be null
 * @param updatedText   the update date as written; may be null
 * @param romePublished Rome's reading of the publication date, used only when the text is missing; may be null
 * @param romeUpdated   Rome's reading of the update date, likewise; may be null
 * @param categories    categories, plain text; never null
 * @param language      xml:lang of the entry; may be null
 */
public record ParsedItem(String guid, String link, String title, String summary, String content, String publishedText,
        String updatedText, Instant romePublished, Instant romeUpdated, List<String> categories, String language) {

    public ParsedItem {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** True when the item carries nothing to publish: no guid, link, title, summary, content or date. */
    public boolean isEmpty() {
        return guid == null && link == null && title.isBlank() && summary.isBlank()
                && (content == null || content.isBlank()) && publishedText == null && updatedText == null
                && romePublished == null && romeUpdated == null;
    }
}
