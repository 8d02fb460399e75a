package org.newsmonitor.themes;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The article being matched, as the matcher sees it: its texts, its tokens ({@link ArticleTokens}), where each
 * dictionary atom occurs ({@link AtomOccurrences}), the answers already worked out for it (term occurrences, shared
 * OR nodes, pre-selection clauses) and the themes pre-selection picked. One per thread, reused from article to
 * article: {@link #reset} starts the next one.
 */
final class DocState {
    private final String[] texts = new String[Field.values().length];
    // this thread's tokenizer, with its reused buffers
    private final TokenScanner scanner = new TokenScanner();
    private final ArticleTokens tokens = new ArticleTokens();
    private final AtomOccurrences atoms;

    // term nodes by id: whether the term occurs in scope, and its occurrences
    private final ArticleAnswers termHolds;
    private final SpanList[] termSpans;
    // shared OR nodes (lexicon lists) by cache slot: whether one child holds; whether spans are computed, and them
    private final ArticleAnswers orHolds;
    private final ArticleAnswers orSpansReady;
    private final SpanList[] orSpans;
    // pre-selection clauses by id: whether the clause holds
    private final ArticleAnswers clauseHolds;

    // candidate themes as a bit set, read back in theme order and cleared while reading
    private final long[] candidates;
    private int candidateCount;
    // themes fully evaluated for the current article (for measurement)
    private int evaluatedCount;

    DocState(int atomCount, int themes, int terms, int clauses, int sharedOrs) {
        atoms = new AtomOccurrences(atomCount);
        termHolds = new ArticleAnswers(terms);
        termSpans = new SpanList[terms];
        orHolds = new ArticleAnswers(sharedOrs);
        orSpansReady = new ArticleAnswers(sharedOrs);
        orSpans = new SpanList[sharedOrs];
        clauseHolds = new ArticleAnswers(clauses);
        candidates = new long[(themes + 63) >>> 6];
    }

    /** Forgets the previous article. */
    void reset() {
        atoms.nextArticle();
        termHolds.nextArticle();
        orHolds.nextArticle();
        orSpansReady.nextArticle();
        clauseHolds.nextArticle();
        tokens.clear();
        evaluatedCount = 0;
        if (candidateCount != 0) {
            Arrays.fill(candidates, 0);
            candidateCount = 0;
        }
        Arrays.fill(texts, null);
    }

    /** Tokenizes {@code text} as {@code field}, giving each token to {@code lookup} with its index. */
    void tokenize(Field field, String text, TokenLookup lookup) {
        texts[field.ordinal()] = text;
        scanner.scan(text, (chars, length, start, end) -> lookup.token(chars, length, tokens.add(field, start, end)));
    }

    /** Receives each token of the article: its normalised characters {@code chars[0 .. length)} and its index. */
    @FunctionalInterface
    interface TokenLookup {
        void token(char[] chars, int length, int index);
    }

    /** Adds a token without text (for tests of the dictionary tables); returns its index. */
    int addToken(Field field, int start, int end) {
        return tokens.add(field, start, end);
    }

    String text(Field field) {
        return texts[field.ordinal()];
    }

    ArticleTokens tokens() {
        return tokens;
    }

    AtomOccurrences atoms() {
        return atoms;
    }

    /** Records that {@code atom} occurs at {@code token}. */
    void hit(int atom, int token) {
        atoms.record(atom, token);
    }

    /** Whether {@code atom} occurs in the article. */
    boolean has(int atom) {
        return atoms.occurs(atom);
    }

    /** How many tokens are {@code atom}. */
    int count(int atom) {
        return atoms.count(atom);
    }

    /** The ascending token indexes where {@code atom} occurs (a copy). */
    int[] hits(int atom) {
        int[] out = new int[atoms.count(atom)];
        Arrays.setAll(out, i -> atoms.token(atom, i));
        return out;
    }

    ArticleAnswers termHolds() {
        return termHolds;
    }

    ArticleAnswers orHolds() {
        return orHolds;
    }

    ArticleAnswers clauseHolds() {
        return clauseHolds;
    }

    /** The occurrences of term node {@code term}, computed with {@code fill} the first time they are asked for. */
    SpanList termSpans(int term, Consumer<SpanList> fill) {
        SpanList list = termSpans[term];
        if (list == null) {
            list = new SpanList();
            termSpans[term] = list;
        }
        if (!termHolds.known(term)) {
            list.clear();
            fill.accept(list);
            termHolds.remember(term, !list.isEmpty());
        }
        return list;
    }

    /** The spans of shared OR node {@code slot}, computed with {@code fill} the first time they are asked for. */
    SpanList orSpans(int slot, Consumer<SpanList> fill) {
        SpanList list = orSpans[slot];
        if (list == null) {
            list = new SpanList();
            orSpans[slot] = list;
        }
        if (!orSpansReady.known(slot)) {
            list.clear();
            fill.accept(list);
            orSpansReady.remember(slot, true);
        }
        return list;
    }

    /** The snippet around {@code [start, end)} of {@code field}. */
    String snippet(Field field, int start, int end) {
        return Snippets.around(texts[field.ordinal()], start, end);
    }

    void addCandidate(int theme) {
        candidates[theme >>> 6] |= 1L << theme;
        candidateCount++;
    }

    /** Calls {@code visit} for each candidate theme in ascending order and clears the set. */
    void drainCandidates(IntConsumer visit) {
        if (candidateCount == 0) {
            return;
        }
        for (int w = 0; w < candidates.length; w++) {
            long bits = candidates[w];
            if (bits == 0) {
                continue;
            }
            candidates[w] = 0;
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                visit.accept((w << 6) + bit);
            }
        }
        candidateCount = 0;
    }

    void countEvaluated() {
        evaluatedCount++;
    }

    /** Themes fully evaluated for this article. */
    int evaluatedCount() {
        return evaluatedCount;
    }
}
