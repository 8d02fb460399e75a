package org.newsmonitor.alerts.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Scope;

/**
 * Translates an expression of the theme rule language into a Lucene query over the fields title, summary and
 * content, indexed by {@link TokenizerAnalyzer}.
 *
 * <p>A word is a term query (the plural fold is in the index); a prefix a {@link PrefixQuery}; a phrase a
 * {@link PhraseQuery} (an ordered {@link SpanNearQuery} of slop 0 when it holds a prefix); NEAR/n an unordered
 * {@link SpanNearQuery} of slop n-1 within one field, as the matcher never joins two fields; AND, OR and NOT
 * boolean clauses; {@code title:} and {@code body:} choose the fields. A match in the title weighs twice one in the
 * body for relevance.
 */
public final class ExprQuery {
    /** The fields searched, in the matcher's names. */
    public static final List<String> TEXT_FIELDS = List.of(ArticleFields.TITLE, ArticleFields.SUMMARY,
            ArticleFields.CONTENT);
    private static final float TITLE_BOOST = 2f;

    private final boolean relaxNegations;

    private ExprQuery(boolean relaxNegations) {
        this.relaxNegations = relaxNegations;
    }

    /** The articles where {@code expr} holds, as the matcher decides it. */
    public static Query of(Expr expr) {
        return new ExprQuery(false).bool(expr);
    }

    /**
     * A query that finds at least every article where {@code expr} holds: NOT clauses are left out, so that a
     * negated term the index sees slightly differently from the matcher can never hide an article; the caller
     * decides with the matcher.
     */
    public static Query candidates(Expr expr) {
        return new ExprQuery(true).bool(expr);
    }

    private Query bool(Expr e) {
        if (e instanceof Expr.Term t) {
            List<Query> perField = new ArrayList<>();
            for (String f : fields(t.scope())) {
                perField.add(boosted(f, fieldTerm(t, f)));
            }
            return or(perField);
        }
        if (e instanceof Expr.Or o) {
            return or(o.children().stream().map(this::bool).toList());
        }
        if (e instanceof Expr.And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (Expr c : a.children()) {
                if (c instanceof Expr.Not n) {
                    if (!relaxNegations) {
                        b.add(bool(n.child()), Occur.MUST_NOT);
                    }
                } else {
                    b.add(bool(c), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            return b.build();
        }
        if (e instanceof Expr.Not n) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
            if (!relaxNegations) {
                b.add(bool(n.child()), Occur.MUST_NOT);
            }
            return b.build();
        }
        Expr.Near near = (Expr.Near) e;
        List<Query> perField = new ArrayList<>();
        for (String f : TEXT_FIELDS) {
            SpanQuery s = span(near, f);
            if (s != null) {
                perField.add(boosted(f, s));
            }
        }
        return perField.isEmpty() ? new MatchNoDocsQuery() : or(perField);
    }

    private static Query boosted(String field, Query q) {
        return ArticleFields.TITLE.equals(field) ? new BoostQuery(q, TITLE_BOOST) : q;
    }

    // one flat disjunction: nested pure ORs merged, repeated clauses dropped
    private static Query or(List<Query> queries) {
        Set<Query> flat = new LinkedHashSet<>();
        for (Query q : queries) {
            if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
                    && bq.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
                bq.clauses().forEach(c -> flat.add(c.getQuery()));
            } else {
                flat.add(q);
            }
        }
        if (flat.size() == 1) {
            return flat.iterator().next();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : flat) {
            b.add(q, Occur.SHOULD);
        }
        return b.build();
    }

    private static Query fieldTerm(Expr.Term t, String field) {
        if (t.parts().size() == 1) {
            Expr.Part p = t.parts().get(0);
            return p.prefix() ? new PrefixQuery(new Term(field, p.text())) : new TermQuery(new Term(field, p.text()));
        }
        if (t.parts().stream().noneMatch(Expr.Part::prefix)) {
            PhraseQuery.Builder b = new PhraseQuery.Builder();
            for (Expr.Part p : t.parts()) {
                b.add(new Term(field, p.text()));
            }
            return b.build();
        }
        return spanTerm(t, field);
    }

    private static SpanQuery spanPart(Expr.Part p, String field) {
        if (p.prefix()) {
            return new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(field, p.text())));
        }
        return new SpanTermQuery(new Term(field, p.text()));
    }

    private static SpanQuery spanTerm(Expr.Term t, String field) {
        if (t.parts().size() == 1) {
            return spanPart(t.parts().get(0), field);
        }
        SpanQuery[] parts = t.parts().stream().map(p -> spanPart(p, field)).toArray(SpanQuery[]::new);
        return new SpanNearQuery(parts, 0, true);
    }

    // the expression as spans in one field; null when it cannot occur there
    private static SpanQuery span(Expr e, String field) {
        if (e instanceof Expr.Term t) {
            return t.scope().covers(field) ? spanTerm(t, field) : null;
        }
        if (e instanceof Expr.Or o) {
            List<SpanQuery> kids = new ArrayList<>();
            for (Expr c : o.children()) {
                SpanQuery s = span(c, field);
                if (s != null) {
                    kids.add(s);
                }
            }
            if (kids.isEmpty()) {
                return null;
            }
            return kids.size() == 1 ? kids.get(0) : new SpanOrQuery(kids.toArray(SpanQuery[]::new));
        }
        if (e instanceof Expr.Near n) {
            SpanQuery l = span(n.left(), field);
            SpanQuery r = span(n.right(), field);
            if (l == null || r == null) {
                return null;
            }
            return new SpanNearQuery(new SpanQuery[] {l, r}, n.distance() - 1, false);
        }
        throw new IllegalArgumentException("not a NEAR operand: " + e);
    }

    private static List<String> fields(Scope scope) {
        return switch (scope) {
            case ALL -> TEXT_FIELDS;
            case TITLE -> List.of(ArticleFields.TITLE);
            case BODY -> List.of(ArticleFields.SUMMARY, ArticleFields.CONTENT);
        };
    }
}
