package org.newsmonitor.themes;

import java.util.List;

/**
 * A rule expression bound to the atom ids of one {@link Matcher}, evaluated over an article's per-atom token lists.
 * Term, OR and NEAR nodes also yield spans (first and last token of each occurrence) for NEAR and for evidence.
 */
abstract class EvalNode {

    /** A matched term occurrence, by token index. */
    record Evidence(String term, int firstToken, int lastToken) {
    }

    abstract boolean holds(DocState d);

    /** Adds the occurrences of this span node to {@code out}. */
    void spans(DocState d, LongList out) {
        throw new IllegalStateException("not a span expression");
    }

    /**
     * The occurrences of this span node, in no particular order: {@code scratch}, emptied and filled, or a list the
     * caller must not change.
     */
    LongList spanList(DocState d, LongList scratch) {
        scratch.size = 0;
        spans(d, scratch);
        return scratch;
    }

    /** Like {@link #spanList} but sorted by first token. */
    LongList sortedSpanList(DocState d, LongList scratch) {
        LongList spans = spanList(d, scratch);
        spans.sort();
        return spans;
    }

    /** Adds the term occurrences that make this node hold; with {@code within}, only those inside its spans. */
    abstract void collect(DocState d, List<Evidence> out, LongList within);

    /**
     * Adds to {@code out} clauses (see {@link Clauses}) that all hold whenever this node holds. Adds nothing when
     * the node can hold without any term occurring (a NOT).
     */
    abstract void necessary(AtomCost cost, List<int[]> out);

    /**
     * Relative cost of relying on a clause element for pre-selection (lower is more selective): an atom id, or the
     * complement {@code ~id} of a term node id.
     */
    interface AtomCost {
        double of(int element);
    }

    static boolean inside(LongList within, int first, int last) {
        if (within == null) {
            return true;
        }
        for (int i = 0; i < within.size; i++) {
            long s = within.values[i];
            if (LongList.first(s) <= first && last <= LongList.last(s)) {
                return true;
            }
        }
        return false;
    }

    /** A word, prefix or phrase. Its occurrences are computed once per article and cached. */
    static final class TermNode extends EvalNode {
        final int id;
        final String written;
        final int[] atoms;
        final boolean[] prefix;
        final Scope scope;

        TermNode(int id, String written, int[] atoms, boolean[] prefix, Scope scope) {
            this.id = id;
            this.written = written;
            this.atoms = atoms;
            this.prefix = prefix;
            this.scope = scope;
        }

        @Override
        boolean holds(DocState d) {
            int cached = d.cachedHolds(id);
            if (cached != 0) {
                return cached == 1;
            }
            for (int a : atoms) {
                if (!d.has(a)) {
                    return false;
                }
            }
            return cached(d).size > 0;
        }

        private boolean phraseAt(DocState d, int start, int known) {
            for (int k = 0; k < atoms.length; k++) {
                if (k == known) {
                    continue;
                }
                int u = start + k;
                boolean ok = prefix[k] ? d.atomAt(atoms[k], u) : d.wordAt(atoms[k], u);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void spans(DocState d, LongList out) {
            for (int a : atoms) {
                if (!d.has(a)) {
                    return;
                }
            }
            LongList mine = cached(d);
            for (int i = 0; i < mine.size; i++) {
                out.add(mine.values[i]);
            }
        }

        @Override
        LongList spanList(DocState d, LongList scratch) {
            for (int a : atoms) {
                if (!d.has(a)) {
                    scratch.size = 0;
                    return scratch;
                }
            }
            return cached(d);
        }

        @Override
        LongList sortedSpanList(DocState d, LongList scratch) {
            // found in token order
            return spanList(d, scratch);
        }

        private LongList cached(DocState d) {
            return d.cachedSpans(id, list -> occurrencesIn(d, list));
        }

        // every occurrence in scope, found from the part with the fewest hits
        private void occurrencesIn(DocState d, LongList out) {
            int rare = 0;
            for (int k = 0; k < atoms.length; k++) {
                if (d.count(atoms[k]) < d.count(atoms[rare])) {
                    rare = k;
                }
            }
            int[] hits = d.hits(atoms[rare]);
            int n = d.count(atoms[rare]);
            int last = atoms.length - 1;
            for (int i = 0; i < n; i++) {
                int start = hits[i] - rare;
                if (start < 0 || start + last >= d.tokenCount) {
                    continue;
                }
                byte field = d.tokField[start];
                if (!DocState.inScope(scope, field) || d.tokField[start + last] != field) {
                    continue;
                }
                if (phraseAt(d, start, rare)) {
                    out.add(LongList.span(start, start + last));
                }
            }
        }

        @Override
        void collect(DocState d, List<Evidence> out, LongList within) {
            for (int a : atoms) {
                if (!d.has(a)) {
                    return;
                }
            }
            // the cached list itself: only read here
            LongList mine = cached(d);
            for (int i = 0; i < mine.size; i++) {
                int first = LongList.first(mine.values[i]);
                int last = LongList.last(mine.values[i]);
                if (inside(within, first, last)) {
                    out.add(new Evidence(written, first, last));
                }
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            out.add(new int[] {element()});
        }

        /** This term as a clause element: its atom when it is one word or prefix in any field, else {@code ~id}. */
        int element() {
            return atoms.length == 1 && scope == Scope.ALL ? atoms[0] : ~id;
        }
    }

    /** At least one child holds. */
    static final class OrNode extends EvalNode {
        final EvalNode[] kids;
        // per-article cache slot when several rules share this node (a lexicon list), else -1; set while building
        private int cacheId = -1;

        OrNode(EvalNode[] kids) {
            this.kids = kids;
        }

        /** Caches this node's results per article in slot {@code id}; for nodes that several rules share. */
        void shareAs(int id) {
            cacheId = id;
        }

        boolean shared() {
            return cacheId >= 0;
        }

        @Override
        boolean holds(DocState d) {
            if (cacheId >= 0) {
                int cached = d.cachedOrHolds(cacheId);
                if (cached != 0) {
                    return cached == 1;
                }
                boolean holds = anyHolds(d);
                d.cacheOrHolds(cacheId, holds);
                return holds;
            }
            return anyHolds(d);
        }

        private boolean anyHolds(DocState d) {
            for (EvalNode k : kids) {
                if (k.holds(d)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void spans(DocState d, LongList out) {
            if (cacheId >= 0) {
                LongList mine = sharedSpans(d);
                for (int i = 0; i < mine.size; i++) {
                    out.add(mine.values[i]);
                }
                return;
            }
            for (EvalNode k : kids) {
                k.spans(d, out);
            }
        }

        @Override
        LongList spanList(DocState d, LongList scratch) {
            return cacheId >= 0 ? sharedSpans(d) : super.spanList(d, scratch);
        }

        @Override
        LongList sortedSpanList(DocState d, LongList scratch) {
            return cacheId >= 0 ? sharedSpans(d) : super.sortedSpanList(d, scratch);
        }

        // the spans of all children, sorted, computed once per article
        private LongList sharedSpans(DocState d) {
            LongList cached = d.cachedOrSpans(cacheId);
            if (cached.size < 0) {
                cached.size = 0;
                for (EvalNode k : kids) {
                    k.spans(d, cached);
                }
                cached.sort();
            }
            return cached;
        }

        @Override
        void collect(DocState d, List<Evidence> out, LongList within) {
            for (EvalNode k : kids) {
                if (k.holds(d)) {
                    k.collect(d, out, within);
                }
            }
        }

        // worked out once while the matcher is built: lexicon lists are ORs that many themes share
        private List<int[]> necessary;

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            if (necessary == null) {
                List<List<int[]>> alternatives = new java.util.ArrayList<>(kids.length);
                for (EvalNode k : kids) {
                    List<int[]> kidClauses = new java.util.ArrayList<>();
                    k.necessary(cost, kidClauses);
                    alternatives.add(kidClauses);
                }
                necessary = Clauses.either(alternatives, cost);
            }
            out.addAll(necessary);
        }
    }

    /** All children hold. */
    static final class AndNode extends EvalNode {
        final EvalNode[] kids;

        AndNode(EvalNode[] kids) {
            this.kids = kids;
        }

        @Override
        boolean holds(DocState d) {
            for (EvalNode k : kids) {
                if (!k.holds(d)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void collect(DocState d, List<Evidence> out, LongList within) {
            for (EvalNode k : kids) {
                k.collect(d, out, within);
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            for (EvalNode k : kids) {
                k.necessary(cost, out);
            }
        }
    }

    /** The child does not hold. */
    static final class NotNode extends EvalNode {
        final EvalNode kid;

        NotNode(EvalNode kid) {
            this.kid = kid;
        }

        @Override
        boolean holds(DocState d) {
            return !kid.holds(d);
        }

        @Override
        void collect(DocState d, List<Evidence> out, LongList within) {
            // a negation is satisfied by absence: nothing to show
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            // holds by absence: requires nothing
        }
    }

    /** Occurrences of both sides in one field, at most {@code distance} tokens apart, in either order. */
    static final class NearNode extends EvalNode {
        final EvalNode left;
        final EvalNode right;
        final int distance;

        NearNode(EvalNode left, EvalNode right, int distance) {
            this.left = left;
            this.right = right;
            this.distance = distance;
        }

        @Override
        boolean holds(DocState d) {
            return pairs(d, null);
        }

        @Override
        void spans(DocState d, LongList out) {
            pairs(d, out);
        }

        // finds pairs within distance; adds their merged spans to out (or stops at the first when out is null)
        private boolean pairs(DocState d, LongList out) {
            int mark = d.listMark();
            try {
                LongList l = left.spanList(d, d.borrowList());
                if (l.size == 0) {
                    return false;
                }
                LongList r = right.sortedSpanList(d, d.borrowList());
                if (r.size == 0) {
                    return false;
                }
                return pairs(d, l, r, out);
            } finally {
                d.releaseLists(mark);
            }
        }

        private boolean pairs(DocState d, LongList l, LongList r, LongList out) {
            int maxLen = 0;
            for (int i = 0; i < r.size; i++) {
                maxLen = Math.max(maxLen, LongList.last(r.values[i]) - LongList.first(r.values[i]));
            }
            boolean found = false;
            for (int i = 0; i < l.size; i++) {
                int ls = LongList.first(l.values[i]);
                int le = LongList.last(l.values[i]);
                long lowest = (long) ls - distance - maxLen;
                int j = lowerBound(r, lowest);
                for (; j < r.size; j++) {
                    int rs = LongList.first(r.values[j]);
                    int re = LongList.last(r.values[j]);
                    if ((long) rs > (long) le + distance) {
                        break;
                    }
                    if (d.tokField[rs] != d.tokField[ls]) {
                        continue;
                    }
                    long gap = Math.max((long) rs - le, (long) ls - re);
                    if (gap <= distance) {
                        if (out == null) {
                            return true;
                        }
                        found = true;
                        out.add(LongList.span(Math.min(ls, rs), Math.max(le, re)));
                    }
                }
            }
            return found;
        }

        private static int lowerBound(LongList sorted, long firstAtLeast) {
            int lo = 0;
            int hi = sorted.size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (LongList.first(sorted.values[mid]) < firstAtLeast) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        void collect(DocState d, List<Evidence> out, LongList within) {
            LongList merged = new LongList();
            pairs(d, merged);
            if (within != null) {
                LongList kept = new LongList();
                for (int i = 0; i < merged.size; i++) {
                    long s = merged.values[i];
                    if (inside(within, LongList.first(s), LongList.last(s))) {
                        kept.add(s);
                    }
                }
                merged = kept;
            }
            if (merged.size > 0) {
                left.collect(d, out, merged);
                right.collect(d, out, merged);
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            left.necessary(cost, out);
            right.necessary(cost, out);
        }
    }
}
