package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which themes are worth evaluating for an article, without running the themes' rule trees.
 *
 * <p>For each theme it derives clauses (see {@link Clauses}) that hold whenever the theme matches. They come from
 * the require expression, from every positive rule without which minScore cannot be reached, and from "one of the
 * heaviest rules holds" (the others cannot reach minScore together); an AND or a NEAR needs both sides, an OR one
 * of its children. The theme is listed under its most selective clause: under a word, or under a phrase or
 * field-scoped term, which is looked at only when its rarest word occurs. The theme's other clauses are then
 * checked: a single word by a table look-up, any other clause once per article for all themes that share it (such
 * as a lexicon list in a require expression). Only themes that pass are evaluated.
 */
final class Preselection {
    // a rule is necessary when the other positive weights stay below minScore by more than this
    private static final double MARGIN = 1e-6;
    private static final int[] NONE = new int[0];
    private static final int NO_CHECK = Integer.MIN_VALUE;

    private final EvalNode.TermNode[] terms;
    // themes listed under an atom, each followed by its first check (or NO_CHECK); terms found through an atom,
    // each as its id, the number of its other atoms and those atoms (which must occur too); and the themes listed
    // under each term, each followed by its first check
    private final FlatLists atomThemes;
    private final FlatLists atomTerms;
    private final FlatLists termThemes;
    private final int[] always;
    // checks before evaluating theme t: checks[checkStart[t] .. checkStart[t + 1]), an atom that must occur
    // (>= 0) or ~id of a shared clause that must hold
    private final int[] checkStart;
    private final int[] checks;
    // shared clause c: clauseElements[clauseStart[c] .. clauseStart[c + 1]), atoms first, then each term as ~id,
    // the number of its atoms and those atoms (which must all occur for it to hold)
    private final int[] clauseStart;
    private final int[] clauseElements;

    private Preselection(EvalNode.TermNode[] terms, int[][] atomThemes, int[][] atomTerms, int[][] termThemes,
            int[] always, int[] checkStart, int[] checks, int[] clauseStart, int[] clauseElements) {
        this.terms = terms;
        this.atomThemes = FlatLists.of(withFirstCheck(atomThemes, checkStart, checks));
        this.atomTerms = FlatLists.of(atomTerms);
        this.termThemes = FlatLists.of(withFirstCheck(termThemes, checkStart, checks));
        this.always = always;
        this.checkStart = checkStart;
        this.checks = checks;
        this.clauseStart = clauseStart;
        this.clauseElements = clauseElements;
    }

    /**
     * Pre-selection for {@code programs} over {@code atoms} atoms and the term nodes {@code terms} (indexed by id),
     * keyed by the clauses {@code cost} rates best.
     */
    static Preselection of(ThemeProgram[] programs, int atoms, EvalNode.TermNode[] terms, EvalNode.AtomCost cost) {
        Postings byAtom = new Postings(atoms);
        Postings termsByAtom = new Postings(atoms);
        Postings byTerm = new Postings(terms.length);
        List<Integer> always = new ArrayList<>();
        int[] checkStart = new int[programs.length + 1];
        IntBuffer checks = new IntBuffer();
        Map<List<Integer>, Integer> clauseIds = new HashMap<>();
        IntBuffer clauseStart = new IntBuffer();
        IntBuffer clauseElements = new IntBuffer();
        for (int t = 0; t < programs.length; t++) {
            checkStart[t] = checks.size;
            List<int[]> clauses = clauses(programs[t], cost);
            if (clauses.isEmpty()) {
                always.add(t);
                continue;
            }
            // the most selective clause (they come sorted)
            int[] key = clauses.get(0);
            for (int e : key) {
                if (e >= 0) {
                    byAtom.add(e, t);
                } else {
                    byTerm.add(~e, t);
                    termsByAtom.addOnce(keyAtom(e, terms, cost), ~e);
                }
            }
            // the key clause holds for every theme listed; single words first, the most selective first
            List<int[]> rest = new ArrayList<>(clauses.subList(1, clauses.size()));
            rest.sort(Comparator.<int[]>comparingInt(c -> c.length == 1 && c[0] >= 0 ? 0 : 1)
                    .thenComparingDouble(c -> Clauses.cost(c, cost)));
            for (int[] c : rest) {
                if (c.length == 1 && c[0] >= 0) {
                    checks.add(c[0]);
                    continue;
                }
                List<Integer> elements = Arrays.stream(c).boxed().toList();
                Integer id = clauseIds.get(elements);
                if (id == null) {
                    id = clauseIds.size();
                    clauseIds.put(elements, id);
                    clauseStart.add(clauseElements.size);
                    // words first, the most common first: a clause that holds is then settled after a look or two
                    Arrays.stream(c).filter(e -> e >= 0).boxed()
                            .sorted(Comparator.comparingDouble((Integer e) -> cost.of(e)).reversed())
                            .forEach(clauseElements::add);
                    for (int e : c) {
                        if (e < 0) {
                            clauseElements.add(e);
                            int[] parts = termAtoms(terms[~e], -1, cost);
                            clauseElements.add(parts.length);
                            for (int a : parts) {
                                clauseElements.add(a);
                            }
                        }
                    }
                }
                checks.add(~id);
            }
        }
        checkStart[programs.length] = checks.size;
        clauseStart.add(clauseElements.size);
        int[][] atomTerms = termsByAtom.toArrays();
        for (int a = 0; a < atomTerms.length; a++) {
            if (atomTerms[a].length > 0) {
                IntBuffer flat = new IntBuffer();
                for (int term : atomTerms[a]) {
                    flat.add(term);
                    int[] others = termAtoms(terms[term], a, cost);
                    flat.add(others.length);
                    for (int o : others) {
                        flat.add(o);
                    }
                }
                atomTerms[a] = flat.toArray();
            }
        }
        return new Preselection(terms, byAtom.toArrays(), atomTerms, byTerm.toArrays(),
                always.stream().mapToInt(Integer::intValue).toArray(), checkStart, checks.toArray(),
                clauseStart.toArray(), clauseElements.toArray());
    }

    // each theme of each list followed by its first check, so that most themes that fail are never listed
    private static int[][] withFirstCheck(int[][] lists, int[] checkStart, int[] checks) {
        int[][] out = new int[lists.length][];
        for (int k = 0; k < lists.length; k++) {
            out[k] = new int[lists[k].length * 2];
            for (int i = 0; i < lists[k].length; i++) {
                int t = lists[k][i];
                out[k][2 * i] = t;
                out[k][2 * i + 1] = checkStart[t] < checkStart[t + 1] ? checks[checkStart[t]] : NO_CHECK;
            }
        }
        return out;
    }

    /** Number of shared clauses (for sizing the per-article cache of their results). */
    int clauseCount() {
        return clauseStart.length - 1;
    }

    // the distinct atoms of a term but one, the most selective first
    private static int[] termAtoms(EvalNode.TermNode term, int except, EvalNode.AtomCost cost) {
        return Arrays.stream(term.atoms).filter(a -> a != except).distinct().boxed()
                .sorted(Comparator.comparingDouble(cost::of)).mapToInt(Integer::intValue).toArray();
    }

    // the atom through which an element is found: itself, or a term's most selective part
    private static int keyAtom(int element, EvalNode.TermNode[] terms, EvalNode.AtomCost cost) {
        if (element >= 0) {
            return element;
        }
        int best = -1;
        for (int a : terms[~element].atoms) {
            if (best < 0 || cost.of(a) < cost.of(best)) {
                best = a;
            }
        }
        return best;
    }

    /** No pre-selection: every theme is evaluated on every article. */
    static Preselection none(int themes, int atoms) {
        int[][] atomThemes = new int[atoms][];
        Arrays.fill(atomThemes, NONE);
        int[] all = new int[themes];
        Arrays.setAll(all, i -> i);
        return new Preselection(new EvalNode.TermNode[0], atomThemes, atomThemes, new int[0][], all,
                new int[themes + 1], NONE, new int[] {0}, NONE);
    }

    /**
     * The clauses that hold whenever {@code p} matches, most selective first (lower cost); empty when the theme can
     * match without any particular atom. Clauses implied by another one are left out.
     */
    static List<int[]> clauses(ThemeProgram p, EvalNode.AtomCost cost) {
        double positive = 0;
        for (double w : p.weights()) {
            positive += Math.max(w, 0);
        }
        double min = p.theme().minScore();
        List<int[]> out = new ArrayList<>();
        List<Integer> heaviestFirst = new ArrayList<>();
        List<List<int[]>> ruleClauses = new ArrayList<>();
        for (int r = 0; r < p.rules().length; r++) {
            List<int[]> mine = new ArrayList<>();
            ruleClauses.add(mine);
            double w = p.weights()[r];
            if (w <= 0) {
                continue;
            }
            p.rules()[r].necessary(cost, mine);
            heaviestFirst.add(r);
            // without this rule the others cannot reach minScore: its clauses are needed
            if (positive - w < min - MARGIN) {
                out.addAll(mine);
            }
        }
        // the rules outside the heaviest few cannot reach minScore together: one of the heaviest must hold
        heaviestFirst.sort((a, b) -> Double.compare(p.weights()[b], p.weights()[a]));
        List<List<int[]>> oneOf = new ArrayList<>();
        double rest = positive;
        for (int r : heaviestFirst) {
            if (rest < min - MARGIN) {
                break;
            }
            oneOf.add(ruleClauses.get(r));
            rest -= p.weights()[r];
        }
        // a theme without positive rules never matches: it gets the clause that nothing satisfies
        out.addAll(oneOf.isEmpty() ? List.of(new int[0]) : Clauses.either(oneOf, cost));
        if (p.require() != null) {
            p.require().necessary(cost, out);
        }
        return Clauses.simplify(out, cost);
    }

    /**
     * Adds to {@code d}'s candidates every theme listed under an atom of the article or under a term that holds in
     * it, and those always evaluated.
     */
    void collect(DocState d) {
        int[] themes = atomThemes.values;
        int[] found = atomTerms.values;
        for (int i = 0; i < d.touchedCount; i++) {
            int atom = d.touched[i];
            for (int k = atomThemes.start[atom], stop = atomThemes.start[atom + 1]; k < stop; k += 2) {
                if (checkHolds(themes[k + 1], d)) {
                    d.addCandidate(themes[k]);
                }
            }
            for (int k = atomTerms.start[atom], end = atomTerms.start[atom + 1]; k < end; ) {
                int term = found[k];
                int stop = k + 2 + found[k + 1];
                if (allOccur(found, k + 2, stop, d) && terms[term].holds(d)) {
                    int[] listed = termThemes.values;
                    for (int j = termThemes.start[term], last = termThemes.start[term + 1]; j < last; j += 2) {
                        if (checkHolds(listed[j + 1], d)) {
                            d.addCandidate(listed[j]);
                        }
                    }
                }
                k = stop;
            }
        }
        for (int t : always) {
            d.addCandidate(t);
        }
    }

    /** Whether the other clauses of candidate {@code theme} (all but the one it is listed under) hold. */
    boolean passes(int theme, DocState d) {
        // the first check held when the theme was listed
        for (int k = checkStart[theme] + 1, end = checkStart[theme + 1]; k < end; k++) {
            if (!checkHolds(checks[k], d)) {
                return false;
            }
        }
        return true;
    }

    // an atom that must occur, a shared clause (~id) that must hold, or NO_CHECK
    private boolean checkHolds(int check, DocState d) {
        if (check >= 0) {
            return d.has(check);
        }
        return check == NO_CHECK || clauseHolds(~check, d);
    }

    private boolean clauseHolds(int clause, DocState d) {
        int cached = d.cachedClause(clause);
        if (cached != 0) {
            return cached == 1;
        }
        boolean found = false;
        for (int k = clauseStart[clause], stop = clauseStart[clause + 1]; k < stop && !found; ) {
            int e = clauseElements[k++];
            if (e >= 0) {
                found = d.has(e);
            } else {
                int parts = clauseElements[k++];
                found = allOccur(clauseElements, k, k + parts, d) && terms[~e].holds(d);
                k += parts;
            }
        }
        d.cacheClause(clause, found);
        return found;
    }

    // whether every atom in atoms[from .. to) occurs in the article
    private static boolean allOccur(int[] atoms, int from, int to, DocState d) {
        for (int i = from; i < to; i++) {
            if (!d.has(atoms[i])) {
                return false;
            }
        }
        return true;
    }

    /** Lists of ints by key in two arrays: list k is values[start[k] .. start[k + 1]). */
    private static final class FlatLists {
        final int[] start;
        final int[] values;

        private FlatLists(int[] start, int[] values) {
            this.start = start;
            this.values = values;
        }

        static FlatLists of(int[][] lists) {
            int[] start = new int[lists.length + 1];
            for (int k = 0; k < lists.length; k++) {
                start[k + 1] = start[k] + lists[k].length;
            }
            int[] values = new int[start[lists.length]];
            for (int k = 0; k < lists.length; k++) {
                System.arraycopy(lists[k], 0, values, start[k], lists[k].length);
            }
            return new FlatLists(start, values);
        }
    }

    /** Lists of ints by key, built up one by one. */
    private static final class Postings {
        private final List<List<Integer>> lists;

        Postings(int keys) {
            lists = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                lists.add(null);
            }
        }

        void add(int key, int value) {
            List<Integer> l = lists.get(key);
            if (l == null) {
                l = new ArrayList<>(2);
                lists.set(key, l);
            }
            if (l.isEmpty() || l.get(l.size() - 1).intValue() != value) {
                l.add(value);
            }
        }

        void addOnce(int key, int value) {
            List<Integer> l = lists.get(key);
            if (l == null || !l.contains(value)) {
                add(key, value);
            }
        }

        int[][] toArrays() {
            int[][] out = new int[lists.size()][];
            for (int k = 0; k < out.length; k++) {
                List<Integer> l = lists.get(k);
                out[k] = l == null ? NONE : l.stream().mapToInt(Integer::intValue).toArray();
            }
            return out;
        }
    }

    /** A growable int array. */
    private static final class IntBuffer {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
