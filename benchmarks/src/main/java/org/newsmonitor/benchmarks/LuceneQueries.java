package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Scope;

/**
 * Translates rule expressions into Lucene queries over the monitor's index layout:
 *
 * <ul>
 *   <li>{@link #TEXT}: title, summary and content as three values of one field (far enough apart that no phrase or
 *       NEAR joins two), for every term a rule applies to title and body alike;</li>
 *   <li>{@link #TITLE} and {@link #BODY} (summary and content): only for terms scoped with {@code title:} or
 *       {@code body:}, and only indexed when some rule has such a term;</li>
 *   <li>every field indexed by {@link PrefixIndexingAnalyzer}: plural forms folded, rule prefixes as marked
 *       terms.</li>
 * </ul>
 *
 * <p>A word is a term, a prefix its marked term, a phrase a {@link PhraseQuery} (a prefix in it is its marked term);
 * the words and prefixes of one OR in one field are one {@link TermInSetQuery}; NEAR/n is an unordered
 * {@link SpanNearQuery} of slop n-1 over span terms; AND, OR and NOT are boolean clauses. No query holds a
 * multi-term query that needs rewriting against the article. The archive search ({@code ExprQuery} in alerts)
 * translates the same rules for a different index (three stored fields, offsets for highlighting, no prefix
 * terms), so the two translations are kept apart.
 *
 * <p>One instance collects what the index must hold for the queries it made: the prefixes and the scoped fields.
 */
final class LuceneQueries {
    /** Title, summary and content. */
    static final String TEXT = "text";
    /** The title only. */
    static final String TITLE = "title";
    /** Summary and content. */
    static final String BODY = "body";

    private final Set<String> prefixes = new TreeSet<>();
    private final Set<String> scopedFields = new TreeSet<>();

    /** The rule prefixes the queries made so far use (for {@link PrefixIndexingAnalyzer}). */
    Set<String> prefixes() {
        return Set.copyOf(prefixes);
    }

    /** Whether the queries made so far search {@code field} ({@link #TITLE} or {@link #BODY}). */
    boolean uses(String field) {
        return scopedFields.contains(field);
    }

    /** The articles where {@code e} holds, as the matcher decides it. */
    Query query(Expr e) {
        if (e instanceof Expr.Term t) {
            return term(t, field(t.scope()));
        }
        if (e instanceof Expr.Or o) {
            return or(o);
        }
        if (e instanceof Expr.And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (Expr c : a.children()) {
                if (c instanceof Expr.Not n) {
                    b.add(query(n.child()), Occur.MUST_NOT);
                } else {
                    b.add(query(c), Occur.MUST);
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
                    .add(query(n.child()), Occur.MUST_NOT).build();
        }
        return near((Expr.Near) e);
    }

    // single words and prefixes grouped per field into one term set; everything else a clause of its own
    private Query or(Expr.Or o) {
        Map<String, Set<BytesRef>> words = new TreeMap<>();
        Set<Query> others = new LinkedHashSet<>();
        collectOr(o, words, others);
        List<Query> clauses = new ArrayList<>();
        words.forEach((field, set) -> clauses.add(set.size() == 1
                ? new TermQuery(new Term(field, set.iterator().next()))
                : new TermInSetQuery(field, set)));
        clauses.addAll(others);
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private void collectOr(Expr e, Map<String, Set<BytesRef>> words, Set<Query> others) {
        if (e instanceof Expr.Or o) {
            o.children().forEach(c -> collectOr(c, words, others));
        } else if (e instanceof Expr.Term t && !t.isPhrase()) {
            String field = field(t.scope());
            words.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(new BytesRef(indexed(t.parts().get(0))));
        } else {
            others.add(query(e));
        }
    }

    private Query term(Expr.Term t, String field) {
        if (!t.isPhrase()) {
            return new TermQuery(new Term(field, indexed(t.parts().get(0))));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (Expr.Part p : t.parts()) {
            b.add(new Term(field, indexed(p)));
        }
        return b.build();
    }

    // a NEAR is searched in one field: the one of its terms' scope, or title and body apart when the scopes mix
    private Query near(Expr.Near near) {
        Set<Scope> scopes = new TreeSet<>();
        collectScopes(near, scopes);
        if (scopes.size() == 1) {
            Scope scope = scopes.iterator().next();
            return span(near, scope, field(scope));
        }
        List<Query> perField = new ArrayList<>();
        for (Scope part : List.of(Scope.TITLE, Scope.BODY)) {
            SpanQuery s = span(near, part, field(part));
            if (s != null) {
                perField.add(s);
            }
        }
        if (perField.isEmpty()) {
            return new MatchNoDocsQuery("no field holds both sides of " + near);
        }
        if (perField.size() == 1) {
            return perField.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        perField.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private static void collectScopes(Expr e, Set<Scope> out) {
        if (e instanceof Expr.Term t) {
            out.add(t.scope());
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> collectScopes(c, out));
        } else if (e instanceof Expr.Near n) {
            collectScopes(n.left(), out);
            collectScopes(n.right(), out);
        } else {
            throw new IllegalArgumentException("not a NEAR operand: " + e);
        }
    }

    // the NEAR operand as spans in `field`, keeping the terms whose scope reaches `within`; null when none does
    private SpanQuery span(Expr e, Scope within, String field) {
        if (e instanceof Expr.Term t) {
            if (within != t.scope() && t.scope() != Scope.ALL) {
                return null;
            }
            if (!t.isPhrase()) {
                return new SpanTermQuery(new Term(field, indexed(t.parts().get(0))));
            }
            SpanQuery[] parts = t.parts().stream()
                    .map(p -> new SpanTermQuery(new Term(field, indexed(p)))).toArray(SpanQuery[]::new);
            return new SpanNearQuery(parts, 0, true);
        }
        if (e instanceof Expr.Or o) {
            List<SpanQuery> kids = new ArrayList<>();
            for (Expr c : o.children()) {
                SpanQuery s = span(c, within, field);
                if (s != null) {
                    kids.add(s);
                }
            }
            if (kids.isEmpty()) {
                return null;
            }
            return kids.size() == 1 ? kids.get(0) : new SpanOrQuery(kids.toArray(SpanQuery[]::new));
        }
        Expr.Near n = (Expr.Near) e;
        SpanQuery l = span(n.left(), within, field);
        SpanQuery r = span(n.right(), within, field);
        if (l == null || r == null) {
            return null;
        }
        return new SpanNearQuery(new SpanQuery[] {l, r}, n.distance() - 1, false);
    }

    private String indexed(Expr.Part p) {
        if (!p.prefix()) {
            return p.text();
        }
        prefixes.add(p.text());
        return PrefixIndexingAnalyzer.marked(p.text());
    }

    private String field(Scope scope) {
        return switch (scope) {
            case ALL -> TEXT;
            case TITLE -> used(TITLE);
            case BODY -> used(BODY);
        };
    }

    private String used(String field) {
        scopedFields.add(field);
        return field;
    }
}
