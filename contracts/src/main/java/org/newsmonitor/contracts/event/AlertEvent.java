package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * An alert for one subscriber, published on {@code news-alerts} (key: {@link #subscriptionId()}).
 * {@link #alertId()} is deterministic (subscription, theme and story), so receivers de-duplicate by it.
 *
 * @param schemaVersion  major version of this record's shape, 1 to {@link #CURRENT_VERSION} (2 was given when
 *                       {@code themeRevision} was added, before additive fields stopped raising the version: a
 *                       version-1 record is the same shape without it)
 * @param alertId        deterministic id; the idempotency key of every delivery
 * @param subscriptionId the subscription this alert is for
 * @param kind           a story match or a theme surge
 * @param themeId        the theme
 * @param themeTitle     the theme's title
 * @param storyId        story id (for surges: the theme id and hour)
 * @param articleId      the first article of the story that matched; may be null for surges
 * @param title          article title, or a description of the surge
 * @param url            article link; may be null
 * @param source         publisher name; may be null for surges
 * @param publishedAt    article publication time, or the surge window start
 * @param score          match score, or the surge ratio
 * @param terms          matched terms; never null
 * @param snippet        plain-text excerpt; never null
 * @param createdAt      when the alert was made
 * @param themeRevision  revision of the theme that made the match or counted the surge; null when unknown
 * @param snippetTerms   where the matched terms are in {@link #snippet()}: field "snippet", offsets into the snippet;
 *                       never null (empty for surges and for alerts made before it was carried)
 */
public record AlertEvent(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        AlertKind kind,
        String themeId,
        String themeTitle,
        String storyId,
        String articleId,
        String title,
        String url,
        String source,
        Instant publishedAt,
        double score,
        List<MatchedTerm> terms,
        String snippet,
        Instant createdAt,
        Integer themeRevision,
        List<MatchedTerm> snippetTerms) {

    public static final int CURRENT_VERSION = 2;

    public AlertEvent {
        String r = "AlertEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        alertId = Checks.nonBlank(r, "alertId", alertId);
        subscriptionId = Checks.nonBlank(r, "subscriptionId", subscriptionId);
        kind = kind == null ? AlertKind.MATCH : kind;
        themeId = Checks.nonBlank(r, "themeId", themeId);
        themeTitle = themeTitle == null || themeTitle.isBlank() ? themeId : themeTitle.strip();
        storyId = Checks.nonBlank(r, "storyId", storyId);
        articleId = Checks.optional(articleId);
        title = title == null ? "" : title;
        url = Checks.optional(url);
        source = Checks.optional(source);
        Checks.present(r, "publishedAt", publishedAt);
        terms = Checks.list(terms);
        snippet = snippet == null ? "" : snippet;
        Checks.present(r, "createdAt", createdAt);
        snippetTerms = Checks.list(snippetTerms);
    }

    /**
     * An alert as records were before {@code themeRevision} and {@code snippetTerms} existed: no revision, no
     * positions of the terms in the snippet.
     */
    public AlertEvent(int schemaVersion, String alertId, String subscriptionId, AlertKind kind, String themeId,
            String themeTitle, String storyId, String articleId, String title, String url, String source,
            Instant publishedAt, double score, List<MatchedTerm> terms, String snippet, Instant createdAt) {
        this(schemaVersion, alertId, subscriptionId, kind, themeId, themeTitle, storyId, articleId, title, url, source,
                publishedAt, score, terms, snippet, createdAt, null, List.of());
    }
}
