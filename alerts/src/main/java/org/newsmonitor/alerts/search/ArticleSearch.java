package org.newsmonitor.alerts.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.themes.Expr;

/**
 * Searches the archive: a query of the theme rule language within a filter, one page at a time, with snippets
 * highlighted by Lucene's {@link UnifiedHighlighter}. Snippets are HTML: the article text escaped, with only
 * {@code <mark>…</mark>} added around the matched words, so a page can insert them as they are and never run
 * script from an article.
 */
public final class ArticleSearch {
    /** Most hits on one page. */
    public static final int MAX_LIMIT = 100;
    private static final int MAX_HIGHLIGHT_CHARS = 200_000;

    private final ArticleIndex index;
    private final CatalogThemes catalog;

    /** @param index the articles searched */
    public ArticleSearch(ArticleIndex index) {
        this(index, null);
    }

    /**
     * @param index   the articles searched
     * @param catalog describes the sub-topics the hits matched; null to give them without descriptions
     */
    public ArticleSearch(ArticleIndex index, CatalogThemes catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    /**
     * A search.
     *
     * @param query  the expression (already checked by {@link org.newsmonitor.themes.Query})
     * @param filter which articles are searched
     * @param order  result order
     * @param limit  hits on the page, 1 to {@link #MAX_LIMIT}
     * @param after  where the previous page ended; null for the first page
     */
    public record Request(Expr query, ArticleFilter filter, SearchOrder order, int limit, SearchCursor after) {
        public Request {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
            }
            if (after != null && after.order() != order) {
                throw new IllegalArgumentException("the cursor belongs to sort=" + after.order().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /**
     * One article found.
     *
     * @param articleId   id
     * @param storyId     the story it belongs to (its own id until a theme matched it)
     * @param title       title as published (plain text)
     * @param titleHtml   title, HTML-escaped, with matched words in {@code <mark>}
     * @param snippetHtml up to two passages of the summary around the matched words, or of the content when the
     *                    summary has none, HTML-escaped, with {@code <mark>}; the start of the summary when only
     *                    the title matched
     * @param url         link; may be null
     * @param source      publisher
     * @param language    language tag; may be null
     * @param publishedAt publication time
     * @param themes      themes the article matched, sorted
     * @param score       relevance: query terms present, a title match counting twice
     * @param subTopics   by theme id, the sub-topics the recorded match named, each with what it covers (empty
     *                    description when the published theme gives none); themes whose match named none are absent
     */
    public record Hit(String articleId, String storyId, String title, String titleHtml, String snippetHtml,
            String url, String source, String language, Instant publishedAt, List<String> themes, float score,
            Map<String, List<SubTopicRef>> subTopics) {
    }

    /**
     * One page of results.
     *
     * @param hits       the hits in order; never null
     * @param total      how many articles match in all
     * @param nextCursor where the next page starts; null on the last page
     */
    public record Page(List<Hit> hits, long total, String nextCursor) {
    }

    /** Runs {@code request}; never null. */
    public Page search(Request request) {
        Query text = ExprQuery.of(request.query());
        Query query = request.filter().restrict(text, index);
        return index.withSearcher(s -> page(s, request, text, query));
    }

    private Page page(IndexSearcher s, Request request, Query text, Query query) throws IOException {
        if (s.getIndexReader().maxDoc() == 0) {
            return new Page(List.of(), 0, null);
        }
        FieldDoc after = request.after() == null ? null : request.after().after(s.getIndexReader().maxDoc());
        TopFieldDocs top = s.searchAfter(after, query, request.limit() + 1, request.order().sort(), true);
        ScoreDoc[] docs = Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.limit()));
        int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        String[] titles = highlighter(s, true).highlightFields(new String[] {ArticleFields.TITLE}, text, ids,
                new int[] {1}).get(ArticleFields.TITLE);
        Map<String, String[]> body = highlighter(s, false).highlightFields(
                new String[] {ArticleFields.SUMMARY, ArticleFields.CONTENT}, text, ids, new int[] {2, 2});
        List<Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = s.storedFields().document(docs[i].doc);
            String id = d.get(ArticleFields.ID);
            String snippet = firstOf(body.get(ArticleFields.SUMMARY)[i], body.get(ArticleFields.CONTENT)[i],
                    escapedStart(d.get(ArticleFields.SUMMARY)));
            hits.add(new Hit(id, index.storyOf(id), d.get(ArticleFields.TITLE),
                    titles[i] == null ? DefaultPassageFormatterAccess.escape(d.get(ArticleFields.TITLE)) : titles[i],
                    snippet, d.get("url"), d.get(ArticleFields.SOURCE), d.get(ArticleFields.LANGUAGE),
                    Instant.ofEpochMilli(d.getField(ArticleFields.PUBLISHED).numericValue().longValue()),
                    index.themesOf(id), Float.isNaN(docs[i].score) ? 0f : docs[i].score, subTopics(id)));
        }
        String next = null;
        if (top.scoreDocs.length > request.limit() && docs.length > 0) {
            FieldDoc last = (FieldDoc) docs[docs.length - 1];
            Hit lastHit = hits.get(hits.size() - 1);
            next = new SearchCursor(request.order(), last.score, lastHit.publishedAt().toEpochMilli(),
                    lastHit.articleId()).token();
        }
        return new Page(hits, s.count(query), next);
    }

    private Map<String, List<SubTopicRef>> subTopics(String articleId) {
        Map<String, List<SubTopicRef>> out = new TreeMap<>();
        index.subTopicsOf(articleId).forEach((theme, ids) -> out.put(theme, catalog != null
                ? catalog.describe(theme, ids) : ids.stream().map(t -> new SubTopicRef(t, "")).toList()));
        return out;
    }

    private static UnifiedHighlighter highlighter(IndexSearcher s, boolean title) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(s, new TokenizerAnalyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(MAX_HIGHLIGHT_CHARS)
                .withHighlightPhrasesStrictly(true)
                .withMaxNoHighlightPassages(title ? 1 : 0);
        if (title) {
            b.withBreakIterator(WholeBreakIterator::new);
        }
        return b.build();
    }

    // the full text usually repeats the summary: its passages are shown only when the summary has no match
    private static String firstOf(String summary, String content, String fallback) {
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        return content != null && !content.isBlank() ? content.strip() : fallback;
    }

    private static String escapedStart(String summary) {
        if (summary == null) {
            return "";
        }
        int end = Math.min(summary.length(), 200);
        if (end < summary.length() && Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return DefaultPassageFormatterAccess.escape(summary.substring(0, end)) + (end < summary.length() ? "…" : "");
    }

    /** The formatter's own HTML escaping, for text that has no highlight. */
    private static final class DefaultPassageFormatterAccess extends DefaultPassageFormatter {
        private static final DefaultPassageFormatterAccess INSTANCE = new DefaultPassageFormatterAccess();

        private DefaultPassageFormatterAccess() {
            super("<mark>", "</mark>", "… ", true);
        }

        static String escape(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            INSTANCE.append(sb, text, 0, text.length());
            return sb.toString();
        }
    }
}
