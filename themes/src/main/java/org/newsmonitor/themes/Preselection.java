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
    private static final TermCheck[] NO_TERMS = new TermCheck[0];

    /**
     * A phrase or field-scoped term to check when one of its atoms occurs: its node, and the term's other atoms, which
     * must occur too before the term is worth evaluating.
     */
    private record TermCheck(EvalNode.TermNode term, int[] otherAtoms) {
        boolean holds(DocState d) {
            return allOccur(otherAtoms, d) && term.holds(d);
        }
    }

    /** A clause several themes need: at least one of its atoms occurs or one of its terms holds. */
    private record SharedClause(int[] atoms, TermCheck[] terms) {
    }

    /**
     * What a candidate theme needs besides the clause it is listed under: atoms that must occur, then shared clauses
     * (by id) that must hold, each list the most selective first.
     */
    private record ThemeChecks(int[] atoms, int[] clauses) {
        static final ThemeChecks NOTHING = new ThemeChecks(NONE, NONE);
    }

    // by atom: the themes listed under it, and the terms to check when it occurs
    private final int[][] themesByAtom;
    private final TermCheck[][] termsByAtom;
    // by term node id: the themes listed under it
    private final int[][] themesByTerm;
    // themes without any clause, evaluated on every article
    private final int[] always;
    private final ThemeChecks[] checks;
    private final SharedClause[] clauses;

    private Preselection(int[][] themesByAtom, TermCheck[][] termsByAtom, int[][] themesByTerm, int[] always,
            ThemeChecks[] checks, SharedClause[] clauses) {
        this.themesByAtom = themesByAtom;
        this.termsByAtom = termsByAtom;
        this.themesByTerm = themesByTerm;
        this.always = always;
        this.checks = checks;
        this.clauses = clauses;
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
        ThemeChecks[] checks = new ThemeChecks[programs.length];
        Arrays.fill(checks, ThemeChecks.NOTHING);
        Map<List<Integer>, Integer> clauseIds = new HashMap<>();
        List<SharedClause> shared = new ArrayList<>();
        for (int t = 0; t < programs.length; t++) {
            List<int[]> clauses = clauses(programs[t], cost);
            if (clauses.isEmpty()) {
                always.add(t);
                continue;
            }
            // listed under the most selective clause (they come sorted)
            for (int e : clauses.get(0)) {
                if (ClauseElement.isAtom(e)) {
                    byAtom.add(ClauseElement.atom(e), t);
                } else {
                    byTerm.add(ClauseElement.term(e), t);
                    termsByAtom.addOnce(keyAtom(terms[ClauseElement.term(e)], cost), ClauseElement.term(e));
                }
            }
            // the other clauses: single words first, then shared clauses, the most selective first
            List<int[]> rest = new ArrayList<>(clauses.subList(1, clauses.size()));
            rest.sort(Comparator.comparingDouble(c -> Clauses.cost(c, cost)));
            IntBuffer atomChecks = new IntBuffer();
            IntBuffer clauseChecks = new IntBuffer();
            for (int[] c : rest) {
                if (c.length == 1 && ClauseElement.isAtom(c[0])) {
                    atomChecks.add(ClauseElement.atom(c[0]));
                    continue;
                }
                List<Integer> key = Arrays.stream(c).boxed().toList();
                Integer id = clauseIds.get(key);
                if (id == null) {
                    id = shared.size();
                    clauseIds.put(key, id);
                    shared.add(sharedClause(c, terms, cost));
                }
                clauseChecks.add(id);
            }
            checks[t] = new ThemeChecks(atomChecks.toArray(), clauseChecks.toArray());
        }
        int[][] atomTerms = termsByAtom.toArrays();
        TermCheck[][] termChecks = new TermCheck[atoms][];
        for (int a = 0; a < atoms; a++) {
            int key = a;
            termChecks[a] = atomTerms[a].length == 0 ? NO_TERMS : Arrays.stream(atomTerms[a])
                    .mapToObj(term -> termCheck(terms[term], key, cost)).toArray(TermCheck[]::new);
        }
        return new Preselection(byAtom.toArrays(), termChecks, byTerm.toArrays(),
                always.stream().mapToInt(Integer::intValue).toArray(), checks, shared.toArray(new SharedClause[0]));
    }

    private static SharedClause sharedClause(int[] elements, EvalNode.TermNode[] terms, EvalNode.AtomCost cost) {
        // words first, the most common first: a clause that holds is then settled after a look or two
        int[] atoms = Arrays.stream(elements).filter(ClauseElement::isAtom).boxed()
                .sorted(Comparator.comparingDouble((Integer e) -> cost.of(e)).reversed())
                .mapToInt(ClauseElement::atom).toArray();
        TermCheck[] termChecks = Arrays.stream(elements).filter(e -> !ClauseElement.isAtom(e))
                .mapToObj(e -> termCheck(terms[ClauseElement.term(e)], -1, cost)).toArray(TermCheck[]::new);
        return new SharedClause(atoms, termChecks);
    }

    // a check of term, found through its atom except (-1 for none): its other atoms, the most selective first
    private static TermCheck termCheck(EvalNode.TermNode term, int except, EvalNode.AtomCost cost) {
        int[] others = Arrays.stream(term.atoms).filter(a -> a != except).distinct().boxed()
                .sorted(Comparator.comparingDouble(cost::of)).mapToInt(Integer::intValue).toArray();
        return new TermCheck(term, others);
    }

    /** Number of shared clauses (for sizing the per-article cache of their results). */
    int clauseCount() {
        return clauses.length;
    }

    // the atom through which a term is found: its most selective part
    private static int keyAtom(EvalNode.TermNode term, EvalNode.AtomCost cost) {
        int best = -1;
        for (int a : term.atoms) {
            if (best < 0 || cost.of(a) < cost.of(best)) {
                best = a;
            }
        }
        return best;
    }

    /** No pre-selection: every theme is evaluated on every article. */
    static Preselection none(int themes, int atoms) {
        int[][] themesByAtom = new int[atoms][];
        Arrays.fill(themesByAtom, NONE);
        TermCheck[][] termsByAtom = new TermCheck[atoms][];
        Arrays.fill(termsByAtom, NO_TERMS);
        int[] all = new int[themes];
        Arrays.setAll(all, i -> i);
        ThemeChecks[] checks = new ThemeChecks[themes];
        Arrays.fill(checks, ThemeChecks.NOTHING);
        return new Preselection(themesByAtom, termsByAtom, new int[0][], all, checks, new SharedClause[0]);
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
        AtomOccurrences atoms = d.atoms();
        for (int i = 0; i < atoms.seenCount(); i++) {
            int atom = atoms.seen(i);
            addCandidates(themesByAtom[atom], d);
            for (TermCheck term : termsByAtom[atom]) {
                if (term.holds(d)) {
                    addCandidates(themesByTerm[term.term().id], d);
                }
            }
        }
        for (int t : always) {
            d.addCandidate(t);
        }
    }

    private static void addCandidates(int[] themes, DocState d) {
        for (int theme : themes) {
            d.addCandidate(theme);
        }
    }

    /** Whether the other clauses of candidate {@code theme} (besides the one it is listed under) hold. */
    boolean passes(int theme, DocState d) {
        ThemeChecks c = checks[theme];
        if (!allOccur(c.atoms(), d)) {
            return false;
        }
        for (int clause : c.clauses()) {
            if (!clauseHolds(clause, d)) {
                return false;
            }
        }
        return true;
    }

    private boolean clauseHolds(int clause, DocState d) {
        ArticleAnswers known = d.clauseHolds();
        if (known.known(clause)) {
            return known.yes(clause);
        }
        SharedClause c = clauses[clause];
        boolean holds = anyOccurs(c.atoms(), d);
        for (int i = 0; i < c.terms().length && !holds; i++) {
            holds = c.terms()[i].holds(d);
        }
        known.remember(clause, holds);
        return holds;
    }

    private static boolean allOccur(int[] atoms, DocState d) {
        for (int a : atoms) {
            if (!d.has(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyOccurs(int[] atoms, DocState d) {
        for (int a : atoms) {
            if (d.has(a)) {
                return true;
            }
        }
        return false;
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
            return size == 0 ? NONE : Arrays.copyOf(values, size);
        }
    }
}
