package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * One normalised news article, as published on {@code news-articles} (key: {@link #id()}).
 *
 * @param schemaVersion version of this record's shape; readers accept up to {@link #CURRENT_VERSION}
 * @param id            stable article id derived from the canonical URL (guid or content hash as fallback)
 * @param feedId        id of the feed or archive the article came from
 * @param source        human name of the publisher, e.g. "TASS"
 * @param url           canonical link; may be null for items without one
 * @param title         plain-text title; may be empty but never null
 * @param summary       plain-text summary or description; may be empty but never null
 * @param content       plain-text full text when the feed carries it; may be null
 * @param language      BCP 47 language tag such as "en", "ru", "zh"; may be null when unknown
 * @param publishedAt   publication time (falls back to updated, then first-seen time); also the Kafka timestamp
 * @param fetchedAt     when the monitor first saw the item
 * @param tags          feed tags and categories; never null
 * @param recovered     true when the feed the article came from was ill-formed or undeclared in its charset and the
 *                      ingester repaired it (the ingest flags header names the repairs); null (absent from the
 *                      JSON) otherwise. Added in schema version 1 as an optional field.
 */
public record ArticleEvent(
        int schemaVersion,
        String id,
        String feedId,
        String source,
        String url,
        String title,
        String summary,
        String content,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        List<String> tags,
        Boolean recovered) {

    public static final int CURRENT_VERSION = 1;
    /** Longest id accepted; longer guids are hashed by the ingester. */
    public static final int MAX_ID_LENGTH = 200;

    public ArticleEvent {
        String r = "ArticleEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        id = Checks.maxLength(r, "id", Checks.nonBlank(r, "id", id), MAX_ID_LENGTH);
        feedId = Checks.nonBlank(r, "feedId", feedId);
        source = source == null || source.isBlank() ? feedId : source.strip();
        url = Checks.optional(url);
        title = title == null ? "" : title.strip();
        summary = summary == null ? "" : summary.strip();
        content = Checks.optional(content);
        language = Checks.optional(language);
        Checks.present(r, "publishedAt", publishedAt);
        fetchedAt = fetchedAt == null ? publishedAt : fetchedAt;
        tags = Checks.list(tags);
        recovered = Boolean.TRUE.equals(recovered) ? Boolean.TRUE : null;
    }

    /** An article that was not recovered; see the canonical constructor. */
    public ArticleEvent(int schemaVersion, String id, String feedId, String source, String url, String title,
            String summary, String content, String language, Instant publishedAt, Instant fetchedAt,
            List<String> tags) {
        this(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt, fetchedAt, tags,
                null);
    }

    /** An article of the current schema version. */
    public static ArticleEvent of(String id, String feedId, String source, String url, String title, String summary,
            String content, String language, Instant publishedAt, Instant fetchedAt, List<String> tags) {
        return new ArticleEvent(CURRENT_VERSION, id, feedId, source, url, title, summary, content, language,
                publishedAt, fetchedAt, tags);
    }

    /** A copy marked as read from a repaired feed ({@code recovered: true}). */
    public ArticleEvent asRecovered() {
        return new ArticleEvent(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt,
                fetchedAt, tags, Boolean.TRUE);
    }

    /** Title, summary and content joined for full-text matching; never null. */
    public String text() {
        return content == null ? title + "\n" + summary : title + "\n" + summary + "\n" + content;
    }
}
