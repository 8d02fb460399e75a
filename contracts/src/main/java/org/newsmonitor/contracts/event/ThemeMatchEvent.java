package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * An article matched a theme; published on {@code news-theme-matches} (key: {@link #storyId()}).
 *
 * @param schemaVersion major version of this record's shape, 1 to {@link #CURRENT_VERSION} (2 was given when
 *                      {@code themeRevision} was added, before additive fields stopped raising the version: a
 *                      version-1 record is the same shape without it)
 * @param articleId     id of the matching article
 * @param storyId       id of the story (cluster of near-duplicate copies) the article belongs to
 * @param themeId       id of the matched theme
 * @param themeTitle    the theme's title at match time
 * @param polarity      the theme's polarity at match time
 * @param score         rule score of this match (at least the theme's minimum score)
 * @param terms         matched terms with positions; never null
 * @param snippet       short plain-text excerpt around the strongest match; never null
 * @param title         article title
 * @param url           article link; may be null
 * @param source        publisher name
 * @param language      article language; may be null
 * @param publishedAt   article publication time; also the Kafka timestamp
 * @param matchedAt     when the match was made
 * @param themeRevision revision of the theme (on {@code news-themes}) that made the match; null in records written
 *                      before the field existed
 * @param snippetTerms  where the matched terms are in {@link #snippet()}: field "snippet", offsets into the snippet;
 *                      never null (empty on records written before it was carried)
 * @param subTopics     ids of the theme's sub-topics whose rules held (see docs/themes.md); never null, empty when
 *                      none did or the producer predates the field
 */
public record ThemeMatchEvent(
        int schemaVersion,
        String articleId,
        String storyId,
        String themeId,
        String themeTitle,
        Polarity polarity,
        double score,
        List<MatchedTerm> terms,
        String snippet,
        String title,
        String url,
        String source,
        String language,
        Instant publishedAt,
        Instant matchedAt,
        Integer themeRevision,
        List<MatchedTerm> snippetTerms,
        List<String> subTopics) {

    public static final int CURRENT_VERSION = 2;

    public ThemeMatchEvent {
        String r = "ThemeMatchEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        articleId = Checks.nonBlank(r, "articleId", articleId);
        storyId = storyId == null || storyId.isBlank() ? articleId : storyId.strip();
        themeId = Checks.nonBlank(r, "themeId", themeId);
        themeTitle = themeTitle == null || themeTitle.isBlank() ? themeId : themeTitle.strip();
        Checks.present(r, "polarity", polarity);
        Checks.within(r, "score", score, 0, Double.MAX_VALUE);
        terms = Checks.list(terms);
        snippet = snippet == null ? "" : snippet;
        title = title == null ? "" : title;
        url = Checks.optional(url);
        source = Checks.nonBlank(r, "source", source);
        language = Checks.optional(language);
        Checks.present(r, "publishedAt", publishedAt);
        Checks.present(r, "matchedAt", matchedAt);
        snippetTerms = Checks.list(snippetTerms);
        subTopics = Checks.list(subTopics);
    }

    /**
     * A match as records were before {@code themeRevision}, {@code snippetTerms} and {@code subTopics}
     * existed: no revision, no positions of the terms in the snippet, no sub-topics.
     */
    public ThemeMatchEvent(int schemaVersion, String articleId, String storyId, String themeId, String themeTitle,
            Polarity polarity, double score, List<MatchedTerm> terms, String snippet, String title, String url,
            String source, String language, Instant publishedAt, Instant matchedAt) {
        this(schemaVersion, articleId, storyId, themeId, themeTitle, polarity, score, terms, snippet, title, url,
                source, language, publishedAt, matchedAt, null, List.of(), List.of());
    }
}
