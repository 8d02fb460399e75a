package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Rule;
import org.newsmonitor.themes.Scope;

/**
 * Translates compiled theme rules into Lucene queries over the fields title and body (summary and content).
 *
 * <p>Words become term queries (the plural fold is done at index time by {@link TokenizerAnalyzer});
 * prefixes become {@link PrefixQuery}; phrases become {@link PhraseQuery} (or an ordered
 * {@link SpanNearQuery} with slop 0 when they contain a prefix); NEAR/n becomes an unordered
 * {@link SpanNearQuery} with slop n-1 in each field both sides may occur in; AND/OR/NOT become boolean clauses.
 *
 * <p>Weights: Lucene has no "sum of rule weights ≥ minScore". We express a theme as two queries whose scores are
 * exact sums: "positive" = require as a FILTER plus each positive rule as a constant-score SHOULD clause boosted
 * by its weight; "negative" = each negative rule boosted by its absolute weight. The theme matches when the
 * positive query matches and its score minus the negative query's score reaches minScore (checked after
 * matching, as a Lucene monitor user would with a scoring matcher).
 */
final class LuceneQueries {
    static final String TITLE = "title";
    /** Summary and content, indexed as two values of one field. */
    static final String BODY = "body";
    static final String POSITIVE = "#pos";
    static final String NEGATIVE = "#neg";

    private LuceneQueries() {
    }

    /** The positive query of a theme (require as filter, positive rules boosted by weight). */
    static Query positive(CompiledTheme theme) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (theme.require() != null) {
            b.add(bool(theme.require()), Occur.FILTER);
        }
        for (Rule r : theme.rules()) {
            if (r.weight() > 0) {
                b.add(new BoostQuery(new ConstantScoreQuery(bool(r.expression())), (float) r.weight()), Occur.SHOULD);
            }
        }
        return b.setMinimumNumberShouldMatch(1).build();
    }

    /** The negative query of a theme, or null when it has no negative rules. */
    static Query negative(CompiledTheme theme) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (Rule r : theme.rules()) {
            if (r.weight() < 0) {
                b.add(new BoostQuery(new ConstantScoreQuery(bool(r.expression())), (float) -r.weight()), Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : b.build();
    }

    /** A rule expression as a boolean query. */
    static Query bool(Expr e) {
        if (e instanceof Expr.Term t) {
            List<Query> perField = new ArrayList<>();
            for (String f : fields(t.scope())) {
                perField.add(fieldTerm(t, f));
            }
            return or(perField);
        }
        if (e instanceof Expr.Or o) {
            return or(o.children().stream().map(LuceneQueries::bool).toList());
        }
        if (e instanceof Expr.And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (Expr c : a.children()) {
                if (c instanceof Expr.Not n) {
                    b.add(bool(n.child()), Occur.MUST_NOT);
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
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(bool(n.child()), Occur.MUST_NOT).build();
        }
        Expr.Near near = (Expr.Near) e;
        List<Query> perField = new ArrayList<>();
        for (String f : List.of(TITLE, BODY)) {
            SpanQuery s = span(near, f);
            if (s != null) {
                perField.add(s);
            }
        }
        return perField.isEmpty() ? new MatchNoDocsQuery() : or(perField);
    }

    // one flat disjunction: nested pure ORs are merged and repeated clauses dropped (less for Lucene to rewrite)
    private static Query or(List<Query> queries) {
        java.util.LinkedHashSet<Query> flat = new java.util.LinkedHashSet<>();
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
            if (p.prefix()) {
                return new PrefixQuery(new Term(field, p.text()));
            }
            return new TermQuery(new Term(field, p.text()));
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
        throw new IllegalArgumentException("not a span expression: " + e);
    }

    private static List<String> fields(Scope scope) {
        return switch (scope) {
            case ALL -> List.of(TITLE, BODY);
            case TITLE -> List.of(TITLE);
            case BODY -> List.of(BODY);
        };
    }
}
