package org.newsmonitor.alerts.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Which articles a search or a preview looks at: published in {@code [from, to)}, in one of the languages and
 * sources (compared ignoring case; empty means any), and, when {@code matchedThemes} is not null, matched one of
 * those themes (empty: any theme).
 *
 * @param from          earliest publication time, inclusive; null for no bound
 * @param to            latest publication time, exclusive; null for no bound
 * @param languages     language tags; never null
 * @param sources       source names; never null
 * @param matchedThemes theme ids the article must have matched; null for no such condition
 */
public record ArticleFilter(Instant from, Instant to, List<String> languages, List<String> sources,
        List<String> matchedThemes) {

    public ArticleFilter {
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
        matchedThemes = matchedThemes == null ? null : List.copyOf(matchedThemes);
    }

    /** {@code text} restricted to the articles this filter lets through. */
    Query restrict(Query text, ArticleIndex index) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text == null ? new MatchAllDocsQuery() : text,
                Occur.MUST);
        if (from != null || to != null) {
            b.add(LongPoint.newRangeQuery(ArticleFields.PUBLISHED, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), Occur.FILTER);
        }
        if (!languages.isEmpty()) {
            b.add(anyOf(ArticleFields.LANGUAGE_KEY, languages.stream().map(ArticleFields::key).toList()), Occur.FILTER);
        }
        if (!sources.isEmpty()) {
            b.add(anyOf(ArticleFields.SOURCE_KEY, sources.stream().map(ArticleFields::key).toList()), Occur.FILTER);
        }
        if (matchedThemes != null) {
            Set<String> ids = index.articlesMatching(matchedThemes);
            b.add(anyOf(ArticleFields.ID, ids), Occur.FILTER);
        }
        return b.build();
    }

    private static Query anyOf(String field, Collection<String> values) {
        if (values.size() == 1) {
            return new TermQuery(new Term(field, values.iterator().next()));
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
