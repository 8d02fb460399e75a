package org.newsmonitor.alerts.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.Query;

/**
 * One story as the monitor holds it: every copy of it (across sources and languages), oldest first, each with why it
 * matched: the themes the stream service recorded (with their scores), and the terms and sub-topics the matcher of the
 * themes in force finds in its text; and, for a search, where the query's terms are in it. Offsets are into the
 * copy's own title, summary and content as returned.
 */
public final class StoryView {
    /** Most copies on one answer. */
    public static final int MAX_LIMIT = 100;
    /** Copies when no limit is given. */
    public static final int DEFAULT_LIMIT = 20;
    /** Most copies skipped: pages go this deep into a story, and no deeper. */
    public static final int MAX_OFFSET = 10_000;
    private static final String QUERY_SUBSCRIPTION = "search";

    private final ArticleIndex index;
    private final CatalogThemes catalog;
    private final ArticleText text;
    private final Clock clock;

    /**
     * @param index   the articles held, with their stories and recorded matches
     * @param catalog the themes in force
     * @param text    how the stream service prepares text for matching
     * @param clock   when evidence is found
     */
    public StoryView(ArticleIndex index, CatalogThemes catalog, ArticleText text, Clock clock) {
        this.index = index;
        this.catalog = catalog;
        this.text = text;
        this.clock = clock;
    }

    /**
     * A story.
     *
     * @param storyId  the story id (as on matches, alerts and search hits)
     * @param total      copies held
     * @param offset     copies skipped before the first one here
     * @param articles   up to {@code limit} copies from {@code offset} on, oldest first
     * @param nextOffset the offset of the next page; null when no copy follows (or it lies beyond
     *                   {@link #MAX_OFFSET})
     * @param previousOffset the offset of the page before this one; null on the first page (or when it lies beyond
     *                   {@link #MAX_OFFSET}, which only a page opened at a copy can follow)
     */
    public record Story(String storyId, long total, int offset, List<Copy> articles, Integer nextOffset,
            Integer previousOffset) {
    }

    /** Where a story opens: at a number of copies skipped, or on the page that holds one copy. */
    public sealed interface Start {
        /** Copies skipped (oldest first), 0 to {@link #MAX_OFFSET}. */
        record At(int offset) implements Start {
            public At {
                if (offset < 0 || offset > MAX_OFFSET) {
                    throw new IllegalArgumentException("offset must be 0 to " + MAX_OFFSET + ", was " + offset);
                }
            }
        }

        /** The page that holds this copy (its position rounded down to a whole number of pages). */
        record Holding(String articleId) implements Start {
        }
    }

    /** An article asked for that is not a copy of the story asked for. */
    public static final class NotACopyException extends RuntimeException {
        NotACopyException(String articleId, String storyId) {
            super("article '" + articleId + "' is not a copy of story '" + storyId + "' held here");
        }
    }

    /**
     * One copy of a story.
     *
     * @param articleId   id
     * @param title       title as published
     * @param summary     summary as published
     * @param content     full text; null when the feed gave none
     * @param url         link; may be null
     * @param source      publisher
     * @param language    language tag; may be null
     * @param publishedAt publication time
     * @param matches     the themes it matched, by theme id
     * @param queryTerms  where the search query's terms are (field and offsets); empty without a query or when the
     *                    query does not match this copy
     */
    public record Copy(String articleId, String title, String summary, String content, String url, String source,
            String language, Instant publishedAt, List<Match> matches, List<MatchedTerm> queryTerms) {
    }

    /**
     * Why a copy matched a theme.
     *
     * @param themeId    theme id
     * @param themeTitle theme title (the id when the theme is no longer in force)
     * @param polarity   theme polarity
     * @param score      the score the stream service recorded
     * @param subTopics  ids of the theme's sub-topics whose rules hold (docs/themes.md); empty when only untagged
     *                   rules hold
     * @param subTopicDescriptions the same sub-topics with what each covers, as the published theme describes them
     *                   (empty descriptions when it does not)
     * @param terms      matched terms with field and offsets; empty when the theme in force no longer finds them
     */
    public record Match(String themeId, String themeTitle, Polarity polarity, double score, List<String> subTopics,
            List<SubTopicRef> subTopicDescriptions, List<MatchedTerm> terms) {
    }

    /**
     * The story {@code storyId}, or empty when no article of it is held.
     *
     * @param storyId a story id; an article no theme matched is a story of its own, under its own id
     * @param query   a checked search query whose terms are located in each copy; null for none
     * @param start   where the page starts: copies skipped, or the page holding one copy
     * @param limit   copies returned, 1 to {@link #MAX_LIMIT}
     * @return the story (with no copies when the offset is past its last one); empty when unknown
     * @throws NotACopyException when {@code start} names an article that is not a copy of a held story
     */
    public Optional<Story> story(String storyId, Query query, Start start, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        Set<String> ids = index.articlesOfStory(storyId);
        if (ids.isEmpty() && index.storyOf(storyId).equals(storyId)) {
            ids = Set.of(storyId);
        }
        Set<String> members = ids;
        Instant now = clock.instant();
        Matcher queryMatcher = query == null ? null
                : Matcher.of(List.of(query.toTheme(QUERY_SUBSCRIPTION, "Search")));
        return index.withSearcher(s -> {
            TermInSetQuery q = new TermInSetQuery(ArticleFields.ID, members.stream().map(BytesRef::new).toList());
            long total = s.count(q);
            if (total == 0) {
                return Optional.empty();
            }
            int offset = start instanceof Start.Holding holding
                    ? Math.toIntExact(StoryPosition.of(s, q, storyId, holding.articleId(), members) / limit * limit)
                    : ((Start.At) start).offset();
            TopDocs top = s.search(q, offset + limit, new Sort(new SortField(ArticleFields.PUBLISHED,
                    SortField.Type.LONG), new SortField(ArticleFields.ID, SortField.Type.STRING)));
            StoredFields stored = s.storedFields();
            List<Copy> copies = new ArrayList<>(limit);
            for (int i = offset; i < top.scoreDocs.length; i++) {
                Document doc = stored.document(top.scoreDocs[i].doc);
                copies.add(copy(ArticleFields.toArticle(doc), storyId, queryMatcher, now));
            }
            int next = offset + limit;
            Integer nextOffset = next < total && next <= MAX_OFFSET ? next : null;
            int previous = Math.max(0, offset - limit);
            Integer previousOffset = offset == 0 || previous > MAX_OFFSET ? null : previous;
            return Optional.of(new Story(storyId, total, offset, List.copyOf(copies), nextOffset, previousOffset));
        });
    }

    private Copy copy(ArticleEvent article, String storyId, Matcher queryMatcher, Instant now) {
        List<Match> matches = new ArrayList<>();
        Map<String, Double> recorded = new TreeMap<>(index.themeScores(article.id()));
        if (!recorded.isEmpty()) {
            ArticleMatch today = ArticleMatch.of(text, catalog.matcher(), article);
            recorded.forEach((themeId, score) -> matches.add(match(
                    RecordedMatch.of(today, article, themeId, score, storyId, now))));
        }
        List<MatchedTerm> queryTerms = List.of();
        if (queryMatcher != null) {
            ArticleMatch queried = ArticleMatch.of(text, queryMatcher, article);
            if (!queried.hits().isEmpty()) {
                queryTerms = MatchEvents.toEvent(queried.article(), queried.hits().get(0), now).terms();
            }
        }
        return new Copy(article.id(), article.title(), article.summary(), article.content(), article.url(),
                article.source(), article.language(), article.publishedAt(), List.copyOf(matches), queryTerms);
    }

    private Match match(ThemeMatchEvent m) {
        return new Match(m.themeId(), m.themeTitle(), m.polarity(), m.score(), m.subTopics(),
                catalog.describe(m.themeId(), m.subTopics()), m.terms());
    }
}
