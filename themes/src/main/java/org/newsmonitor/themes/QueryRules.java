package org.newsmonitor.themes;

import java.util.List;
import java.util.Locale;

/**
 * The rules an analyst's query (on a subscription, in a search or a preview) must follow: it is one expression of
 * the theme rule language, not empty, at most {@value #MAX_CHARS} characters, not too broad (no prefix shorter than
 * {@value #MIN_PREFIX_CHARS} letters standing alone, not only NOT) and not too expensive (at most
 * {@value #MAX_TERMS} terms once lexicon lists are expanded, at most {@value #MAX_PREFIXES} prefixes).
 */
public final class QueryRules {
    /** Longest query accepted, in characters. */
    public static final int MAX_CHARS = 10_000;
    /** Shortest prefix ({@code abc*}) accepted as a term of its own, in letters. */
    public static final int MIN_PREFIX_CHARS = 3;
    /** Most terms (words, phrases, prefixes, lexicon entries) in one query. */
    public static final int MAX_TERMS = 500;
    /** Most prefixes in one query. */
    public static final int MAX_PREFIXES = 50;
    /** The theme id of the one-rule theme a query compiles to. */
    public static final String THEME_ID = "query";

    private QueryRules() {
    }

    /**
     * Parses and checks a query.
     *
     * @param query   the expression as written; may be null (refused as empty)
     * @param lexicon the lists {@code @name} may refer to
     * @return the compiled expression; never null
     * @throws InvalidQueryException naming the position and the problem
     */
    public static Expr parse(String query, Lexicon lexicon) throws InvalidQueryException {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException(1, "the query is empty");
        }
        if (query.length() > MAX_CHARS) {
            throw new InvalidQueryException(MAX_CHARS + 1, String.format(Locale.ROOT,
                    "the query is %,d characters long; at most %,d are allowed", query.length(), MAX_CHARS));
        }
        Expr expr;
        try {
            expr = new RuleParser(lexicon, THEME_ID, "query").parse(query, 1, 1);
        } catch (ThemeSyntaxException e) {
            throw new InvalidQueryException(Math.max(e.column(), 1), e.problem());
        }
        if (onlyExcludes(expr)) {
            throw new InvalidQueryException(1, "too broad: the query only says what must not appear (NOT alone);"
                    + " add a word that must");
        }
        Counts counts = new Counts();
        count(expr, query, counts);
        if (counts.terms > MAX_TERMS) {
            throw new InvalidQueryException(1, "too expensive: " + counts.terms + " terms (lexicon lists expanded);"
                    + " at most " + MAX_TERMS + " are allowed");
        }
        if (counts.prefixes > MAX_PREFIXES) {
            throw new InvalidQueryException(1, "too expensive: " + counts.prefixes + " prefixes; at most "
                    + MAX_PREFIXES + " are allowed");
        }
        return expr;
    }

    /**
     * A query as a one-rule theme (id {@value #THEME_ID}, weight 1, minimum score 1), for the themes'
     * {@link Matcher}.
     */
    public static CompiledTheme compile(String query, Lexicon lexicon) throws InvalidQueryException {
        Expr expr = parse(query, lexicon);
        ThemeSpec spec = ThemeSpec.of(THEME_ID, "Query", query.strip(), Polarity.MIXED, List.of(), 1, null,
                "1: " + query.strip(), "query");
        return CompiledTheme.ofExpression(spec, expr, query.strip());
    }

    /** Whether the expression holds only by something being absent (NOT alone, NOT and NOT, x OR NOT y). */
    static boolean onlyExcludes(Expr e) {
        if (e instanceof Expr.Not) {
            return true;
        }
        if (e instanceof Expr.And and) {
            return and.children().stream().allMatch(QueryRules::onlyExcludes);
        }
        if (e instanceof Expr.Or or) {
            return or.children().stream().anyMatch(QueryRules::onlyExcludes);
        }
        return false;
    }

    private static final class Counts {
        int terms;
        int prefixes;
    }

    private static void count(Expr e, String query, Counts counts) throws InvalidQueryException {
        if (e instanceof Expr.Term t) {
            counts.terms++;
            for (Expr.Part p : t.parts()) {
                if (p.prefix()) {
                    counts.prefixes++;
                }
            }
            Expr.Part first = t.parts().get(0);
            if (t.parts().size() == 1 && first.prefix()
                    && first.text().codePointCount(0, first.text().length()) < MIN_PREFIX_CHARS) {
                int at = query.indexOf(t.written());
                throw new InvalidQueryException(at < 0 ? 1 : at + 1, "too broad: the prefix '" + t.written()
                        + "' has fewer than " + MIN_PREFIX_CHARS + " letters");
            }
        } else if (e instanceof Expr.And a) {
            for (Expr c : a.children()) {
                count(c, query, counts);
            }
        } else if (e instanceof Expr.Or o) {
            for (Expr c : o.children()) {
                count(c, query, counts);
            }
        } else if (e instanceof Expr.Not n) {
            count(n.child(), query, counts);
        } else if (e instanceof Expr.Near n) {
            count(n.left(), query, counts);
            count(n.right(), query, counts);
        }
    }

    /** A query that breaks the rules: where (1-based character position) and what is wrong. */
    public static final class InvalidQueryException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final String problem;

        /** @param position 1-based character position in the query; @param problem what is wrong */
        public InvalidQueryException(int position, String problem) {
            super("at position " + position + ": " + problem);
            this.position = position;
            this.problem = problem;
        }

        /** 1-based character position of the problem in the query. */
        public int position() {
            return position;
        }

        /** What is wrong, without the position. */
        public String problem() {
            return problem;
        }
    }
}
