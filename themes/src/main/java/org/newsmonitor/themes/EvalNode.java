package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule expression bound to the atom ids of one {@link Matcher}, evaluated over the article's atom occurrences.
 * Term, OR and NEAR nodes also give spans (first and last token of each occurrence): NEAR pairs them up, and
 * explanations and hits report the terms inside them.
 */
abstract class EvalNode {

    /** A matched term occurrence, by token index. */
    record Evidence(String term, int firstToken, int lastToken) {
    }

    /** Whether the expression holds in the article. */
    abstract boolean holds(DocState d);

    /** Adds the occurrences of this span node to {@code out}. */
    void addSpans(DocState d, SpanList out) {
        throw new IllegalStateException("not a span expression");
    }

    /**
     * The occurrences of this span node sorted by first token: {@code scratch}, filled, or a list the caller must
     * not change.
     */
    SpanList sortedSpans(DocState d, SpanList scratch) {
        scratch.clear();
        addSpans(d, scratch);
        scratch.sort();
        return scratch;
    }

    /**
     * Adds the term occurrences that make this node hold; with {@code within}, only those inside one of its spans.
     */
    abstract void collect(DocState d, List<Evidence> out, SpanList within);

    /**
     * Adds to {@code out} clauses (see {@link Clauses}) that all hold whenever this node holds. Adds nothing when
     * the node can hold without any term occurring (a NOT).
     */
    abstract void necessary(AtomCost cost, List<int[]> out);

    /**
     * Relative cost of relying on a {@link ClauseElement} for pre-selection (lower is more selective).
     */
    interface AtomCost {
        double of(int element);
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
            ArticleAnswers known = d.termHolds();
            if (known.known(id)) {
                return known.yes(id);
            }
            return allAtomsOccur(d) && !occurrences(d).isEmpty();
        }

        // a quick test before the occurrences are worked out: every word of the term must occur somewhere
        private boolean allAtomsOccur(DocState d) {
            for (int a : atoms) {
                if (!d.has(a)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void addSpans(DocState d, SpanList out) {
            if (allAtomsOccur(d)) {
                out.addAll(occurrences(d));
            }
        }

        @Override
        SpanList sortedSpans(DocState d, SpanList scratch) {
            if (!allAtomsOccur(d)) {
                scratch.clear();
                return scratch;
            }
            // found in token order
            return occurrences(d);
        }

        private SpanList occurrences(DocState d) {
            return d.termSpans(id, list -> findOccurrences(d, list));
        }

        // every occurrence in scope, found from the part with the fewest occurrences
        private void findOccurrences(DocState d, SpanList out) {
            AtomOccurrences occurrences = d.atoms();
            ArticleTokens tokens = d.tokens();
            int rare = 0;
            for (int k = 1; k < atoms.length; k++) {
                if (occurrences.count(atoms[k]) < occurrences.count(atoms[rare])) {
                    rare = k;
                }
            }
            int last = atoms.length - 1;
            for (int i = 0, n = occurrences.count(atoms[rare]); i < n; i++) {
                int start = occurrences.token(atoms[rare], i) - rare;
                if (start < 0 || start + last >= tokens.count()) {
                    continue;
                }
                if (tokens.field(start).in(scope) && tokens.sameField(start, start + last)
                        && phraseAt(d, start, rare)) {
                    out.add(start, start + last);
                }
            }
        }

        // whether the term's parts other than part known (which is there) are on the tokens from start on
        private boolean phraseAt(DocState d, int start, int known) {
            for (int k = 0; k < atoms.length; k++) {
                if (k != known && !partAt(d, k, start + k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean partAt(DocState d, int part, int token) {
            return d.atoms().occursAt(atoms[part], token);
        }

        @Override
        void collect(DocState d, List<Evidence> out, SpanList within) {
            if (!allAtomsOccur(d)) {
                return;
            }
            SpanList mine = occurrences(d);
            for (int i = 0; i < mine.size(); i++) {
                if (within == null || within.encloses(mine.first(i), mine.last(i))) {
                    out.add(new Evidence(written, mine.first(i), mine.last(i)));
                }
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            out.add(new int[] {element()});
        }

        /** This term as a clause element: its atom when it is one word or prefix in any field, else the term. */
        int element() {
            return atoms.length == 1 && scope == Scope.ALL ? ClauseElement.ofAtom(atoms[0])
                    : ClauseElement.ofTerm(id);
        }
    }

    /** At least one child holds. */
    static final class OrNode extends EvalNode {
        final EvalNode[] kids;
        // per-article cache slot when several rules share this node (a lexicon list), else -1; set while building
        private int cacheSlot = -1;
        // worked out once while the matcher is built: lexicon lists are ORs that many themes share
        private List<int[]> necessary;

        OrNode(EvalNode[] kids) {
            this.kids = kids;
        }

        /** Caches this node's results per article in slot {@code slot}; for nodes that several rules share. */
        void shareAs(int slot) {
            cacheSlot = slot;
        }

        boolean shared() {
            return cacheSlot >= 0;
        }

        @Override
        boolean holds(DocState d) {
            if (!shared()) {
                return anyHolds(d);
            }
            ArticleAnswers known = d.orHolds();
            if (!known.known(cacheSlot)) {
                known.remember(cacheSlot, anyHolds(d));
            }
            return known.yes(cacheSlot);
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
        void addSpans(DocState d, SpanList out) {
            if (shared()) {
                out.addAll(sharedSpans(d));
                return;
            }
            for (EvalNode k : kids) {
                k.addSpans(d, out);
            }
        }

        @Override
        SpanList sortedSpans(DocState d, SpanList scratch) {
            return shared() ? sharedSpans(d) : super.sortedSpans(d, scratch);
        }

        // the spans of all children, sorted, computed once per article
        private SpanList sharedSpans(DocState d) {
            return d.orSpans(cacheSlot, list -> {
                for (EvalNode k : kids) {
                    k.addSpans(d, list);
                }
                list.sort();
            });
        }

        @Override
        void collect(DocState d, List<Evidence> out, SpanList within) {
            for (EvalNode k : kids) {
                if (k.holds(d)) {
                    k.collect(d, out, within);
                }
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            if (necessary == null) {
                List<List<int[]>> alternatives = new ArrayList<>(kids.length);
                for (EvalNode k : kids) {
                    List<int[]> kidClauses = new ArrayList<>();
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
        void collect(DocState d, List<Evidence> out, SpanList within) {
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
        void collect(DocState d, List<Evidence> out, SpanList within) {
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
        void addSpans(DocState d, SpanList out) {
            pairs(d, out);
        }

        // finds pairs within distance; adds their joint spans to out (or stops at the first when out is null)
        private boolean pairs(DocState d, SpanList out) {
            SpanList l = left.sortedSpans(d, new SpanList());
            if (l.isEmpty()) {
                return false;
            }
            SpanList r = right.sortedSpans(d, new SpanList());
            return !r.isEmpty() && pairs(d.tokens(), l, r, out);
        }

        // for each left span, the right spans that start no more than distance before its start (less the
        // longest right span) up to distance after its end: r is sorted, so a binary search finds the first
        private boolean pairs(ArticleTokens tokens, SpanList l, SpanList r, SpanList out) {
            int longest = 0;
            for (int i = 0; i < r.size(); i++) {
                longest = Math.max(longest, r.last(i) - r.first(i));
            }
            boolean found = false;
            for (int i = 0; i < l.size(); i++) {
                int ls = l.first(i);
                int le = l.last(i);
                for (int j = firstStartingFrom(r, (long) ls - distance - longest); j < r.size(); j++) {
                    int rs = r.first(j);
                    int re = r.last(j);
                    if ((long) rs > (long) le + distance) {
                        break;
                    }
                    long gap = Math.max((long) rs - le, (long) ls - re);
                    if (gap <= distance && tokens.sameField(rs, ls)) {
                        if (out == null) {
                            return true;
                        }
                        found = true;
                        out.add(Math.min(ls, rs), Math.max(le, re));
                    }
                }
            }
            return found;
        }

        // the index of the first span of sorted whose first token is at least firstAtLeast
        private static int firstStartingFrom(SpanList sorted, long firstAtLeast) {
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.first(mid) < firstAtLeast) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        void collect(DocState d, List<Evidence> out, SpanList within) {
            SpanList joint = new SpanList();
            pairs(d, joint);
            SpanList kept = new SpanList();
            for (int i = 0; i < joint.size(); i++) {
                if (within == null || within.encloses(joint.first(i), joint.last(i))) {
                    kept.add(joint.first(i), joint.last(i));
                }
            }
            if (!kept.isEmpty()) {
                left.collect(d, out, kept);
                right.collect(d, out, kept);
            }
        }

        @Override
        void necessary(AtomCost cost, List<int[]> out) {
            left.necessary(cost, out);
            right.necessary(cost, out);
        }
    }
}
