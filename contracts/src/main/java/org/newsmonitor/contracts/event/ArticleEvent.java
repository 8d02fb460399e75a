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
 * @param languageSource where {@code language} came from: {@value #LANGUAGE_DECLARED} (the feed, item or archive
 *                      said it) or {@value #LANGUAGE_DETECTED} (guessed from the text); null when the language is
 *                      unknown or the record predates this field
 * @param recovered     true when the feed the article came from was ill-formed or undeclared in its charset and the
 *                      ingester repaired it (the ingest flags header names the repairs); null (absent from the
 *                      JSON) otherwise. Added in schema version 1 as an optional field.
 * @param textSource    where {@code content} came from: {@value #TEXT_FEED} (the feed item, or no full text at all)
 *                      or {@value #TEXT_PAGE} (the ingester fetched the article page because the feed carried only a
 *                      teaser, or the archive held the page); null on records written before this field existed.
 *                      Added in schema version 1 as an optional field.
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
        String languageSource,
        Boolean recovered,
        String textSource) {

    public static final int CURRENT_VERSION = 1;
    /** {@link #languageSource()} when the feed, the item or the archive named the language. */
    public static final String LANGUAGE_DECLARED = "declared";
    /** {@link #languageSource()} when the language was detected from the text. */
    public static final String LANGUAGE_DETECTED = "detected";
    /** {@link #textSource()} when the text is the feed's own. */
    public static final String TEXT_FEED = "feed";
    /** {@link #textSource()} when the text was extracted from the article's web page. */
    public static final String TEXT_PAGE = "page";
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
        languageSource = languageSource(r, language, Checks.optional(languageSource));
        recovered = Boolean.TRUE.equals(recovered) ? Boolean.TRUE : null;
        textSource = textSource(r, Checks.optional(textSource));
    }

    /** The record as it was before {@code textSource} existed: the text's origin unknown (null). */
    public ArticleEvent(int schemaVersion, String id, String feedId, String source, String url, String title,
            String summary, String content, String language, Instant publishedAt, Instant fetchedAt,
            List<String> tags, String languageSource, Boolean recovered) {
        this(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt, fetchedAt, tags,
                languageSource, recovered, null);
    }

    /** The record as it was before {@code languageSource} and {@code recovered} existed: both unknown (null). */
    public ArticleEvent(int schemaVersion, String id, String feedId, String source, String url, String title,
            String summary, String content, String language, Instant publishedAt, Instant fetchedAt,
            List<String> tags) {
        this(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt, fetchedAt, tags,
                null, null, null);
    }

    /** An article of the current schema version. */
    public static ArticleEvent of(String id, String feedId, String source, String url, String title, String summary,
            String content, String language, Instant publishedAt, Instant fetchedAt, List<String> tags) {
        return new ArticleEvent(CURRENT_VERSION, id, feedId, source, url, title, summary, content, language,
                publishedAt, fetchedAt, tags);
    }

    /** This article with {@code language} set, and said to be declared or detected; never null. */
    public ArticleEvent withLanguage(String language, String languageSource) {
        return new ArticleEvent(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt,
                fetchedAt, tags, languageSource, recovered, textSource);
    }

    /** This article with {@code content} as its full text, said to come from {@code textSource}; never null. */
    public ArticleEvent withText(String content, String textSource) {
        return new ArticleEvent(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt,
                fetchedAt, tags, languageSource, recovered, textSource);
    }

    private static String textSource(String record, String source) {
        if (source != null && !source.equals(TEXT_FEED) && !source.equals(TEXT_PAGE)) {
            throw new InvalidRecordException(record, "textSource", "must be '" + TEXT_FEED + "' or '" + TEXT_PAGE
                    + "', was '" + source + "'");
        }
        return source;
    }

    private static String languageSource(String record, String language, String source) {
        if (source == null) {
            return null;
        }
        if (language == null) {
            throw new InvalidRecordException(record, "languageSource", "must be absent when language is, was '"
                    + source + "'");
        }
        if (!source.equals(LANGUAGE_DECLARED) && !source.equals(LANGUAGE_DETECTED)) {
            throw new InvalidRecordException(record, "languageSource", "must be '" + LANGUAGE_DECLARED + "' or '"
                    + LANGUAGE_DETECTED + "', was '" + source + "'");
        }
        return source;
    }

    /** A copy marked as read from a repaired feed ({@code recovered: true}). */
    public ArticleEvent asRecovered() {
        return new ArticleEvent(schemaVersion, id, feedId, source, url, title, summary, content, language, publishedAt,
                fetchedAt, tags, languageSource, Boolean.TRUE, textSource);
    }

    /** Title, summary and content joined for full-text matching; never null. */
    public String text() {
        return content == null ? title + "\n" + summary : title + "\n" + summary + "\n" + content;
    }
}
