package org.newsmonitor.themes;

import java.util.List;

/**
 * An analyst's private query: one expression in the theme rule language (words, phrases, prefixes, AND/OR/NOT,
 * NEAR/n, {@code title:}/{@code body:}, Russian and Chinese terms, lexicon lists {@code @name}), checked so that it
 * stays cheap to match alongside the themes and cannot flood its owner.
 *
 * <p>Refused, each with a {@link QueryException} naming the position and the problem: an empty or blank query;
 * one over {@link #MAX_CHARS} characters; a syntax error (as the rule parser reports it); one nested deeper than
 * {@link #MAX_DEPTH} parentheses; one that can match an article containing none of its terms (a NOT alone, or an OR
 * with a NOT branch); a lone prefix (not in a phrase) shorter than {@link #MIN_PREFIX_CHARS} characters
 * ({@link #MIN_CJK_PREFIX_CHARS} for Chinese); more than {@link #MAX_TERMS} terms or {@link #MAX_PREFIXES} prefixes once lexicon lists are
 * expanded. A valid query is compiled like a theme of one rule ({@link #toTheme}), so the {@link Matcher} matches
 * it exactly as it matches themes.
 */
public final class Query {
    /** Longest query, in characters. */
    public static final int MAX_CHARS = 10_000;
    /** Most terms (words, phrases, prefixes) once lexicon lists are expanded. */
    public static final int MAX_TERMS = 200;
    /** Most prefix terms once lexicon lists are expanded. */
    public static final int MAX_PREFIXES = 50;
    /** Shortest prefix before {@code *}, in characters, for alphabetic scripts. */
    public static final int MIN_PREFIX_CHARS = 3;
    /** Shortest prefix before {@code *}, in characters, for Chinese. */
    public static final int MIN_CJK_PREFIX_CHARS = 2;
    /** Deepest nesting of parentheses. */
    public static final int MAX_DEPTH = 20;
    /** What the theme ids of compiled queries start with; theme ids are kebab-case, so they never do. */
    public static final String THEME_ID_PREFIX = "query:";

    private final String text;
    private final Expr expression;

    private Query(String text, Expr expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Parses and checks {@code text} against {@code lexicon}.
     *
     * @throws QueryException the first problem, with its 1-based position (0 for the whole query)
     */
    public static Query parse(String text, Lexicon lexicon) throws QueryException {
        if (text == null || text.isBlank()) {
            throw new QueryException(0, "the query is empty: write words, phrases or @lists, as in"
                    + " '\"power of siberia\" AND price*'");
        }
        if (text.length() > MAX_CHARS) {
            throw new QueryException(0, "the query is too long: " + text.length() + " characters, at most "
                    + MAX_CHARS);
        }
        checkDepth(text);
        Expr expression;
        try {
            expression = new RuleParser(lexicon, "query", "query").parse(text, 1, 1);
        } catch (ThemeSyntaxException e) {
            throw new QueryException(e.column(), e.problem());
        }
        if (EmptyArticle.holds(expression)) {
            throw new QueryException(1, "the query is too broad: it matches articles that contain none of its"
                    + " terms; a NOT needs a term beside it, as in 'pipeline AND NOT oil'");
        }
        checkCost(text, expression);
        return new Query(text, expression);
    }

    /** The query as written. */
    public String text() {
        return text;
    }

    /** The compiled expression, lexicon lists expanded. */
    public Expr expression() {
        return expression;
    }

    /** The theme id under which the query of subscription {@code subscriptionId} is matched. */
    public static String themeId(String subscriptionId) {
        return THEME_ID_PREFIX + subscriptionId;
    }

    /** The subscription id of a compiled query's theme id; null when {@code themeId} is not a query's. */
    public static String subscriptionOf(String themeId) {
        return themeId != null && themeId.startsWith(THEME_ID_PREFIX) ? themeId.substring(THEME_ID_PREFIX.length())
                : null;
    }

    /**
     * The query as a theme of one rule of weight 1 with minScore 1, for the {@link Matcher}: its id is
     * {@link #themeId(String)}, so it cannot collide with a catalog theme.
     */
    public CompiledTheme toTheme(String subscriptionId, String title) {
        String id = themeId(subscriptionId);
        ThemeSpec spec = ThemeSpec.of(id, title, "private query", Polarity.MIXED, List.of(), 1, null, text,
                "subscription " + subscriptionId);
        return CompiledTheme.single(spec, new Rule(1, expression, text, 1));
    }

    private static void checkDepth(String text) throws QueryException {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > MAX_DEPTH) {
                throw new QueryException(i + 1, "the query is nested too deeply: at most " + MAX_DEPTH
                        + " levels of parentheses");
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
    }

    private static void checkCost(String text, Expr expression) throws QueryException {
        List<Expr.Term> terms = Terms.of(expression);
        int prefixes = 0;
        for (Expr.Term t : terms) {
            for (Expr.Part p : t.parts()) {
                if (!p.prefix()) {
                    continue;
                }
                prefixes++;
                if (t.isPhrase()) {
                    // the words before it in a phrase narrow a prefix enough ("h-6*", "ал-31*")
                    continue;
                }
                boolean cjk = !p.text().isEmpty() && TextTokenizer.isCjk(p.text().codePointAt(0));
                int length = p.text().codePointCount(0, p.text().length());
                int min = cjk ? MIN_CJK_PREFIX_CHARS : MIN_PREFIX_CHARS;
                if (length < min) {
                    throw new QueryException(positionOf(text, t.written()), "the query is too broad: the prefix '"
                            + t.written() + "' matches too many words; write at least " + min
                            + " characters before '*'");
                }
            }
        }
        if (terms.size() > MAX_TERMS) {
            throw new QueryException(0, "the query is too expensive: " + terms.size() + " terms once lexicon lists"
                    + " are expanded, at most " + MAX_TERMS);
        }
        if (prefixes > MAX_PREFIXES) {
            throw new QueryException(0, "the query is too expensive: " + prefixes + " prefixes once lexicon lists"
                    + " are expanded, at most " + MAX_PREFIXES);
        }
    }

    // where a term is written, at the start of a word; 0 when it came from a lexicon list
    private static int positionOf(String text, String written) {
        int from = 0;
        while (true) {
            int at = text.indexOf(written, from);
            if (at < 0) {
                return 0;
            }
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return at + 1;
            }
            from = at + 1;
        }
    }

    /** Whether an expression holds for an article in which none of its terms occur. */
    private static final class EmptyArticle {
        static boolean holds(Expr e) {
            if (e instanceof Expr.Term || e instanceof Expr.Near) {
                return false;
            }
            if (e instanceof Expr.Not not) {
                return !holds(not.child());
            }
            if (e instanceof Expr.And and) {
                return and.children().stream().allMatch(EmptyArticle::holds);
            }
            return ((Expr.Or) e).children().stream().anyMatch(EmptyArticle::holds);
        }
    }

    /** Every term of an expression, in order, repeats included (each costs a look-up). */
    private static final class Terms {
        static List<Expr.Term> of(Expr e) {
            List<Expr.Term> out = new java.util.ArrayList<>();
            collect(e, out);
            return out;
        }

        private static void collect(Expr e, List<Expr.Term> out) {
            if (e instanceof Expr.Term t) {
                out.add(t);
            } else if (e instanceof Expr.Not not) {
                collect(not.child(), out);
            } else if (e instanceof Expr.And and) {
                and.children().forEach(c -> collect(c, out));
            } else if (e instanceof Expr.Or or) {
                or.children().forEach(c -> collect(c, out));
            } else {
                Expr.Near near = (Expr.Near) e;
                collect(near.left(), out);
                collect(near.right(), out);
            }
        }
    }
}
