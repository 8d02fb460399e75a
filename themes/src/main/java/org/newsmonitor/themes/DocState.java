package org.newsmonitor.themes;

import java.util.Arrays;

/**
 * Per-thread scratch space for matching one article: its tokens (field and character offsets) and, for each
 * dictionary atom seen in it, the ascending token indexes where it occurs. Reused across articles; entries are
 * valid only when stamped with the current generation, so nothing is cleared between articles.
 */
final class DocState {
    static final byte TITLE = 0;
    static final byte SUMMARY = 1;
    static final byte CONTENT = 2;
    static final String[] FIELD_NAMES = {"title", "summary", "content"};

    final String[] texts = new String[3];
    // this thread's tokenizer, with its reused buffers
    final TokenScanner scanner = new TokenScanner();
    int tokenCount;
    int[] tokStart = new int[256];
    int[] tokEnd = new int[256];
    byte[] tokField = new byte[256];
    // exact and plural-fold word atoms of each token (-1 for none), for constant-time phrase checks
    int[] tokWord = new int[256];
    int[] tokWordS = new int[256];
    int[] tokWordEs = new int[256];

    // per-article caches of yes/no results in one int each (see result()): pre-selection clauses by clause id,
    // shared OR nodes (lexicon lists) by cache slot, term nodes by id
    private final int[] clauseResult;
    private final int[] orResult;
    private final int[] orSpansStamp;
    private final LongList[] orSpans;

    private final int[] termResult;
    private final LongList[] termSpans;

    private int generation;
    // atom a: atomState[2 * a] = generation it was last seen in, atomState[2 * a + 1] = its hit count then (side by
    // side: recording a hit reads one place)
    private final int[] atomState;
    // the atoms seen in this article as a bit set (a small array, quick to test), cleared through the touched list
    private final long[] present;
    private final int[][] atomHits;
    int[] touched = new int[64];
    int touchedCount;

    // candidate themes as a bit set, read back in theme order and cleared while reading
    private final long[] candidateBits;
    int candidateCount;
    // snippets made for the current article, by field and match offsets: themes often share their first match
    private long[] snippetKeys = new long[16];
    private String[] snippetTexts = new String[16];
    private int snippetCount;
    // span lists lent to NEAR evaluation, used as a stack
    private LongList[] lists = new LongList[8];
    private int listTop;
    // which rules of the theme being evaluated held
    boolean[] ruleHeld = new boolean[16];
    // themes fully evaluated for the current article (for measurement)
    int evaluatedCount;

    DocState(int atoms, int themes, int terms, int clauses, int sharedOrs) {
        orResult = new int[sharedOrs];
        orSpansStamp = new int[sharedOrs];
        orSpans = new LongList[sharedOrs];
        clauseResult = new int[clauses];
        termResult = new int[terms];
        termSpans = new LongList[terms];
        atomState = new int[2 * atoms];
        present = new long[(atoms + 63) >>> 6];
        atomHits = new int[atoms][];
        candidateBits = new long[(themes + 63) >>> 6];
    }

    void reset() {
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(atomState, 0);
            Arrays.fill(termResult, 0);
            Arrays.fill(clauseResult, 0);
            Arrays.fill(orResult, 0);
            Arrays.fill(orSpansStamp, 0);
            generation = 1;
        }
        for (int i = 0; i < touchedCount; i++) {
            present[touched[i] >>> 6] = 0;
        }
        tokenCount = 0;
        touchedCount = 0;
        evaluatedCount = 0;
        listTop = 0;
        if (snippetCount > 0) {
            Arrays.fill(snippetTexts, 0, snippetCount, null);
            snippetCount = 0;
        }
        if (candidateCount != 0) {
            Arrays.fill(candidateBits, 0);
            candidateCount = 0;
        }
    }

    int addToken(byte field, int start, int end) {
        if (tokenCount == tokStart.length) {
            int n = tokenCount * 2;
            tokStart = Arrays.copyOf(tokStart, n);
            tokEnd = Arrays.copyOf(tokEnd, n);
            tokField = Arrays.copyOf(tokField, n);
            tokWord = Arrays.copyOf(tokWord, n);
            tokWordS = Arrays.copyOf(tokWordS, n);
            tokWordEs = Arrays.copyOf(tokWordEs, n);
        }
        tokStart[tokenCount] = start;
        tokEnd[tokenCount] = end;
        tokField[tokenCount] = field;
        tokWord[tokenCount] = -1;
        tokWordS[tokenCount] = -1;
        tokWordEs[tokenCount] = -1;
        return tokenCount++;
    }

    void setWordAtoms(int token, int exact, int dropS, int dropEs) {
        tokWord[token] = exact;
        tokWordS[token] = dropS;
        tokWordEs[token] = dropEs;
    }

    /** Whether token {@code token} is the word atom {@code atom} (directly or by the plural fold). */
    boolean wordAt(int atom, int token) {
        return tokWord[token] == atom || tokWordS[token] == atom || tokWordEs[token] == atom;
    }

    // a cached yes/no of this article: the generation for yes, its negation for no (anything else is from an earlier
    // article; generations start at 1, so a fresh 0 is unknown too)
    private int result(boolean holds) {
        return holds ? generation : -generation;
    }

    // 0 unknown, 1 holds, 2 does not
    private int cached(int result) {
        return result == generation ? 1 : result == -generation ? 2 : 0;
    }

    /** The cached result of a term node for this article: 0 unknown, 1 holds, 2 does not. */
    int cachedHolds(int term) {
        return cached(termResult[term]);
    }

    /** The cached result of a pre-selection clause for this article: 0 unknown, 1 holds, 2 does not. */
    int cachedClause(int clause) {
        return cached(clauseResult[clause]);
    }

    void cacheClause(int clause, boolean holds) {
        clauseResult[clause] = result(holds);
    }

    /** The cached result of a shared OR node for this article: 0 unknown, 1 holds, 2 does not. */
    int cachedOrHolds(int slot) {
        return cached(orResult[slot]);
    }

    void cacheOrHolds(int slot, boolean holds) {
        orResult[slot] = result(holds);
    }

    /**
     * The span list of a shared OR node for this article; its size is -1 the first time it is asked for in an
     * article, and the caller fills it.
     */
    LongList cachedOrSpans(int slot) {
        LongList list = orSpans[slot];
        if (list == null) {
            list = new LongList();
            orSpans[slot] = list;
        }
        if (orSpansStamp[slot] != generation) {
            orSpansStamp[slot] = generation;
            list.size = -1;
        }
        return list;
    }

    /** The cached spans of a term node for this article, computing them with {@code fill} on first use. */
    LongList cachedSpans(int term, java.util.function.Consumer<LongList> fill) {
        LongList list = termSpans[term];
        if (list == null) {
            list = new LongList();
            termSpans[term] = list;
        }
        if (cached(termResult[term]) == 0) {
            list.size = 0;
            fill.accept(list);
            termResult[term] = result(list.size > 0);
        }
        return list;
    }

    /** An empty span list to fill; give it back with {@link #releaseLists}. */
    LongList borrowList() {
        if (listTop == lists.length) {
            lists = Arrays.copyOf(lists, listTop * 2);
        }
        LongList l = lists[listTop];
        if (l == null) {
            l = new LongList();
            lists[listTop] = l;
        }
        listTop++;
        l.size = 0;
        return l;
    }

    /** The current depth of lent lists, for {@link #releaseLists}. */
    int listMark() {
        return listTop;
    }

    /** Takes back every list lent since {@code mark}. */
    void releaseLists(int mark) {
        listTop = mark;
    }

    /** The snippet around {@code [start, end)} of {@code field}, made once per article. */
    String snippet(byte field, int start, int end) {
        long key = ((long) field << 62) | ((long) start << 31) | end;
        for (int i = 0; i < snippetCount; i++) {
            if (snippetKeys[i] == key) {
                return snippetTexts[i];
            }
        }
        String snippet = Snippets.around(texts[field], start, end);
        if (snippetCount == snippetKeys.length) {
            snippetKeys = Arrays.copyOf(snippetKeys, snippetCount * 2);
            snippetTexts = Arrays.copyOf(snippetTexts, snippetCount * 2);
        }
        snippetKeys[snippetCount] = key;
        snippetTexts[snippetCount++] = snippet;
        return snippet;
    }

    void hit(int atom, int token) {
        int at = 2 * atom;
        if (atomState[at] != generation) {
            atomState[at] = generation;
            present[atom >>> 6] |= 1L << atom;
            atomState[at + 1] = 0;
            if (atomHits[atom] == null) {
                atomHits[atom] = new int[4];
            }
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = atom;
        }
        int[] hits = atomHits[atom];
        int c = atomState[at + 1];
        if (c == hits.length) {
            hits = Arrays.copyOf(hits, c * 2);
            atomHits[atom] = hits;
        }
        hits[c] = token;
        atomState[at + 1] = c + 1;
    }

    boolean has(int atom) {
        return (present[atom >>> 6] & (1L << atom)) != 0;
    }

    /** Token indexes of an atom seen in this article (valid up to {@link #count(int)}). */
    int[] hits(int atom) {
        return atomHits[atom];
    }

    int count(int atom) {
        return atomState[2 * atom] == generation ? atomState[2 * atom + 1] : 0;
    }

    /** Whether token {@code token} of atom's hits exists (binary search). */
    boolean atomAt(int atom, int token) {
        if (atomState[2 * atom] != generation) {
            return false;
        }
        return Arrays.binarySearch(atomHits[atom], 0, atomState[2 * atom + 1], token) >= 0;
    }

    void addCandidate(int theme) {
        candidateBits[theme >>> 6] |= 1L << theme;
        candidateCount++;
    }

    /** Calls {@code visit} for each candidate theme in ascending order and clears the set. */
    void drainCandidates(java.util.function.IntConsumer visit) {
        if (candidateCount == 0) {
            return;
        }
        for (int w = 0; w < candidateBits.length; w++) {
            long bits = candidateBits[w];
            if (bits == 0) {
                continue;
            }
            candidateBits[w] = 0;
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                visit.accept((w << 6) + bit);
            }
        }
        candidateCount = 0;
    }

    static boolean inScope(Scope scope, byte field) {
        return switch (scope) {
            case ALL -> true;
            case TITLE -> field == TITLE;
            case BODY -> field != TITLE;
        };
    }
}
