package org.newsmonitor.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Rule;

/**
 * The baseline: the themes' rules as queries in a Lucene monitor, the weights summed outside it.
 *
 * <p>Each rule and each {@code require} is split at its top-level AND. A part that several rules or requires share
 * and that is more than one term (a lexicon list, an OR, a NEAR) is translated by {@link LuceneQueries} and
 * registered as a monitor query of its own, once however many rules and themes use it: the require
 * {@code (@russia OR @ru-firms) AND (@china OR @cn-firms)} that ten catalog themes share is two monitor queries, and
 * {@code @china}, which thousands of subscription rules AND with their own words, is one. The rule's other parts stay
 * together in one monitor query (identical ones registered once too). For an article the monitor says which queries
 * match; a rule holds when all its queries match and none of its shared NOT parts does, and a theme matches when
 * its require holds and the weights of its rules that hold add up to its minScore, as in the matcher. Only themes
 * with a matching query in a positive rule are looked at.
 *
 * <p>The monitor runs with a multipass term-filtered presearcher that knows term sets ({@link TermSetPresearch})
 * over an index where rule prefixes are terms ({@link PrefixIndexingAnalyzer}), and without Lucene's query cache:
 * over a one-article index it never caches anything, but its usage tracking would hash every query run for every
 * article.
 */
final class LuceneThemeMonitor implements Closeable {
    /** The matcher's rounding allowance on minScore. */
    private static final double EPSILON = 1e-9;
    /** Lucene's collector of matching query ids, on a searcher without the query cache. */
    private static final MatcherFactory<QueryMatch> UNCACHED = searcher -> {
        searcher.setQueryCache(null);
        return QueryMatch.SIMPLE_MATCHER.createMatcher(searcher);
    };

    /** The themes that match one article, and how many monitor queries the monitor ran for it. */
    record Result(Set<String> themes, int queriesRun) {
    }

    /** Rule or require as clauses over monitor queries: all of {@code must} match and none of {@code mustNot}. */
    private record Clauses(int[] must, int[] mustNot) {
        boolean hold(boolean[] matched) {
            for (int q : must) {
                if (!matched[q]) {
                    return false;
                }
            }
            for (int q : mustNot) {
                if (matched[q]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A theme's decision over the matched monitor queries. */
    private record ThemeCheck(String id, double minScore, Clauses require, Clauses[] rules, double[] weights) {
        boolean matches(boolean[] matched) {
            if (require != null && !require.hold(matched)) {
                return false;
            }
            double score = 0;
            for (int i = 0; i < rules.length; i++) {
                if (rules[i].hold(matched)) {
                    score += weights[i];
                }
            }
            return score >= minScore - EPSILON;
        }
    }

    private final Monitor monitor;
    private final boolean indexTitle;
    private final boolean indexBody;
    private final int queryCount;
    private final int ruleCount;
    private final ThemeCheck[] themes;
    /** For each monitor query, the themes with a positive rule that has it as a clause. */
    private final int[][] themesByClause;
    /** Themes with a positive rule made of NOT clauses only: looked at for every article. */
    private final int[] alwaysLookedAt;

    /**
     * Lucene's default limit of 1,024 clauses in one query (nested clauses counted) is meant for queries typed by
     * users; a theme rule that puts two lexicon classes NEAR each other expands to a few thousand span clauses, as
     * rule-heavy monitoring setups do, and such setups raise the limit (Elasticsearch derives it from the heap). The
     * limit is global to the JVM, so the baseline raises it once, here, to well above the largest rule.
     */
    static final int MAX_CLAUSES = 1 << 16;

    LuceneThemeMonitor(List<CompiledTheme> themes) {
        if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
            IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
        }
        LuceneQueries translation = new LuceneQueries();
        Map<Expr, Integer> uses = clauseUses(themes);
        Map<Query, Integer> registered = new LinkedHashMap<>();
        this.themes = new ThemeCheck[themes.size()];
        int rules = 0;
        for (int t = 0; t < themes.size(); t++) {
            CompiledTheme theme = themes.get(t);
            Clauses require = theme.require() == null ? null
                    : clauses(theme.require(), uses, translation, registered);
            Clauses[] ruleClauses = new Clauses[theme.rules().size()];
            double[] weights = new double[ruleClauses.length];
            for (int r = 0; r < ruleClauses.length; r++) {
                Rule rule = theme.rules().get(r);
                ruleClauses[r] = clauses(rule.expression(), uses, translation, registered);
                weights[r] = rule.weight();
            }
            rules += ruleClauses.length;
            this.themes[t] = new ThemeCheck(theme.id(), theme.minScore(), require, ruleClauses, weights);
        }
        this.ruleCount = rules;
        this.queryCount = registered.size();
        this.indexTitle = translation.uses(LuceneQueries.TITLE);
        this.indexBody = translation.uses(LuceneQueries.BODY);
        this.themesByClause = themesByClause(this.themes, queryCount);
        this.alwaysLookedAt = alwaysLookedAt(this.themes);
        try {
            monitor = new Monitor(new PrefixIndexingAnalyzer(translation.prefixes()), TermSetPresearch.presearcher());
            List<MonitorQuery> queries = new ArrayList<>(registered.size());
            registered.forEach((query, index) -> queries.add(new MonitorQuery(Integer.toString(index), query)));
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // the parts of a top-level AND; any other expression is one part
    private static List<Expr> parts(Expr e) {
        return e instanceof Expr.And and ? and.children() : List.of(e);
    }

    // a NOT part counts by its negated expression
    private static Expr positive(Expr part) {
        return part instanceof Expr.Not not ? not.child() : part;
    }

    // how many rules and requires have each part
    private static Map<Expr, Integer> clauseUses(List<CompiledTheme> themes) {
        Map<Expr, Integer> uses = new HashMap<>();
        for (CompiledTheme theme : themes) {
            List<Expr> expressions = new ArrayList<>();
            theme.rules().forEach(r -> expressions.add(r.expression()));
            if (theme.require() != null) {
                expressions.add(theme.require());
            }
            for (Expr e : expressions) {
                for (Expr part : new LinkedHashSet<>(parts(e))) {
                    uses.merge(positive(part), 1, Integer::sum);
                }
            }
        }
        return uses;
    }

    /*
     * A part that several rules or requires share and that is more than one term (a lexicon list, an OR, a NEAR)
     * becomes a monitor query of its own, registered once; the other parts stay together in one query of the rule,
     * so that the presearcher can index the rule by its rarest term.
     */
    private static Clauses clauses(Expr e, Map<Expr, Integer> uses, LuceneQueries translation,
            Map<Query, Integer> registered) {
        List<Integer> must = new ArrayList<>();
        List<Integer> mustNot = new ArrayList<>();
        List<Expr> own = new ArrayList<>();
        for (Expr part : parts(e)) {
            Expr positive = positive(part);
            boolean shared = !(positive instanceof Expr.Term) && uses.getOrDefault(positive, 0) > 1;
            if (!shared) {
                own.add(part);
            } else if (part instanceof Expr.Not) {
                mustNot.add(register(positive, translation, registered));
            } else {
                must.add(register(positive, translation, registered));
            }
        }
        if (!own.isEmpty()) {
            must.add(register(own.size() == 1 ? own.get(0) : new Expr.And(own), translation, registered));
        }
        return new Clauses(must.stream().mapToInt(Integer::intValue).toArray(),
                mustNot.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int register(Expr e, LuceneQueries translation, Map<Query, Integer> registered) {
        Query q = translation.query(e);
        Integer known = registered.get(q);
        if (known != null) {
            return known;
        }
        registered.put(q, registered.size());
        return registered.size() - 1;
    }

    private static int[][] themesByClause(ThemeCheck[] themes, int queryCount) {
        List<Set<Integer>> byClause = new ArrayList<>(queryCount);
        for (int q = 0; q < queryCount; q++) {
            byClause.add(new LinkedHashSet<>());
        }
        for (int t = 0; t < themes.length; t++) {
            for (int r = 0; r < themes[t].rules().length; r++) {
                if (themes[t].weights()[r] > 0) {
                    for (int q : themes[t].rules()[r].must()) {
                        byClause.get(q).add(t);
                    }
                }
            }
        }
        return byClause.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static int[] alwaysLookedAt(ThemeCheck[] themes) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < themes.length; t++) {
            for (int r = 0; r < themes[t].rules().length; r++) {
                if (themes[t].weights()[r] > 0 && themes[t].rules()[r].must().length == 0) {
                    out.add(t);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Distinct monitor queries registered (each rule clause and require clause once). */
    int queryCount() {
        return queryCount;
    }

    /** Rules of all themes. */
    int ruleCount() {
        return ruleCount;
    }

    /** The themes that match {@code doc}, in the order of the themes given, and the monitor queries run for it. */
    Result match(Document doc) {
        MatchingQueries<QueryMatch> found;
        try {
            found = monitor.match(luceneDocument(doc), UNCACHED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found.getErrors().isEmpty()) {
            throw new IllegalStateException("Lucene monitor query errors on article " + doc.id() + ": "
                    + found.getErrors());
        }
        boolean[] matched = new boolean[queryCount];
        boolean[] lookedAt = new boolean[themes.length];
        int[] candidates = new int[themes.length];
        int n = 0;
        for (int t : alwaysLookedAt) {
            lookedAt[t] = true;
            candidates[n++] = t;
        }
        for (QueryMatch m : found.getMatches()) {
            int q = Integer.parseInt(m.getQueryId());
            matched[q] = true;
            for (int t : themesByClause[q]) {
                if (!lookedAt[t]) {
                    lookedAt[t] = true;
                    candidates[n++] = t;
                }
            }
        }
        Arrays.sort(candidates, 0, n);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            ThemeCheck check = themes[candidates[i]];
            if (check.matches(matched)) {
                out.add(check.id());
            }
        }
        return new Result(out, found.getQueriesRun());
    }

    private org.apache.lucene.document.Document luceneDocument(Document doc) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        d.add(new TextField(LuceneQueries.TEXT, doc.title(), Field.Store.NO));
        d.add(new TextField(LuceneQueries.TEXT, doc.summary(), Field.Store.NO));
        d.add(new TextField(LuceneQueries.TEXT, doc.content(), Field.Store.NO));
        if (indexTitle) {
            d.add(new TextField(LuceneQueries.TITLE, doc.title(), Field.Store.NO));
        }
        if (indexBody) {
            d.add(new TextField(LuceneQueries.BODY, doc.summary(), Field.Store.NO));
            d.add(new TextField(LuceneQueries.BODY, doc.content(), Field.Store.NO));
        }
        return d;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
