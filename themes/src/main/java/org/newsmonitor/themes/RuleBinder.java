package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a matcher's evaluation trees: gives every distinct word and prefix of all themes an atom id, turns rule
 * expressions into {@link EvalNode} trees in which equal subexpressions of all themes share one node, and rates
 * atoms and terms for pre-selection (see {@link #cost}).
 */
final class RuleBinder {
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> prefixes = new HashMap<>();
    private final List<String> atomText = new ArrayList<>();
    private final List<Boolean> atomPrefix = new ArrayList<>();
    private final Map<Expr.Term, EvalNode.TermNode> termNodes = new HashMap<>();
    private final List<EvalNode.TermNode> termList = new ArrayList<>();
    private final Map<Expr, EvalNode> shared = new HashMap<>();
    private int sharedOrs;
    // how often rules refer to each atom: words many rules use tend to be common in articles too
    private final List<Integer> references = new ArrayList<>();
    private double[] atomCosts;

    /** The word atoms: word text → atom id. */
    Map<String, Integer> words() {
        return Map.copyOf(words);
    }

    /** The prefix atoms: prefix text (without the star) → atom id. */
    Map<String, Integer> prefixes() {
        return Map.copyOf(prefixes);
    }

    int atomCount() {
        return atomText.size();
    }

    /** The term nodes, indexed by id. */
    EvalNode.TermNode[] terms() {
        return termList.toArray(new EvalNode.TermNode[0]);
    }

    /** How many OR nodes several rules share (each gets a per-article cache slot). */
    int sharedOrCount() {
        return sharedOrs;
    }

    /** The evaluation tree of {@code e}; equal subexpressions of all themes share one node. */
    EvalNode bind(Expr e) {
        EvalNode node = build(e);
        countReferences(e);
        return node;
    }

    private EvalNode build(Expr e) {
        if (e instanceof Expr.Term t) {
            return termNodes.computeIfAbsent(t, this::termNode);
        }
        EvalNode known = shared.get(e);
        if (known != null) {
            if (known instanceof EvalNode.OrNode or && !or.shared()) {
                or.shareAs(sharedOrs++);
            }
            return known;
        }
        EvalNode node;
        if (e instanceof Expr.Or or) {
            node = new EvalNode.OrNode(or.children().stream().map(this::build).toArray(EvalNode[]::new));
        } else if (e instanceof Expr.And and) {
            node = new EvalNode.AndNode(and.children().stream().map(this::build).toArray(EvalNode[]::new));
        } else if (e instanceof Expr.Not not) {
            node = new EvalNode.NotNode(build(not.child()));
        } else {
            Expr.Near near = (Expr.Near) e;
            node = new EvalNode.NearNode(build(near.left()), build(near.right()), near.distance());
        }
        shared.put(e, node);
        return node;
    }

    private void countReferences(Expr e) {
        if (e instanceof Expr.Term t) {
            for (int a : termNodes.get(t).atoms) {
                references.set(a, references.get(a) + 1);
            }
        } else if (e instanceof Expr.Or or) {
            or.children().forEach(this::countReferences);
        } else if (e instanceof Expr.And and) {
            and.children().forEach(this::countReferences);
        } else if (e instanceof Expr.Not not) {
            countReferences(not.child());
        } else {
            Expr.Near near = (Expr.Near) e;
            countReferences(near.left());
            countReferences(near.right());
        }
    }

    private EvalNode.TermNode termNode(Expr.Term t) {
        int[] atoms = new int[t.parts().size()];
        boolean[] prefix = new boolean[atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            Expr.Part part = t.parts().get(i);
            Map<String, Integer> table = part.prefix() ? prefixes : words;
            Integer id = table.get(part.text());
            if (id == null) {
                id = atomText.size();
                table.put(part.text(), id);
                atomText.add(part.text());
                atomPrefix.add(part.prefix());
                references.add(0);
            }
            atoms[i] = id;
            prefix[i] = part.prefix();
        }
        EvalNode.TermNode node = new EvalNode.TermNode(termNodes.size(), t.written(), atoms, prefix, t.scope());
        termList.add(node);
        return node;
    }

    /**
     * How much pre-selection should avoid relying on a {@link ClauseElement} (lower is more selective); asked only
     * once all themes are bound. A phrase or a title-only term occurs less often than its rarest word.
     */
    double cost(int element) {
        if (ClauseElement.isAtom(element)) {
            return atomCost(ClauseElement.atom(element));
        }
        EvalNode.TermNode t = termList.get(ClauseElement.term(element));
        double best = Double.MAX_VALUE;
        for (int a : t.atoms) {
            best = Math.min(best, atomCost(a));
        }
        return best / t.atoms.length / (t.scope == Scope.TITLE ? 2 : 1);
    }

    private double atomCost(int atom) {
        if (atomCosts == null) {
            // asked only once all themes are bound, so the reference counts are final
            atomCosts = new double[atomText.size()];
            for (int a = 0; a < atomCosts.length; a++) {
                atomCosts[a] = computeAtomCost(a);
            }
        }
        return atomCosts[atom];
    }

    // shorter words, prefixes and words that many rules use occur in more articles, so they select worse
    private double computeAtomCost(int atom) {
        int len = atomText.get(atom).codePointCount(0, atomText.get(atom).length());
        boolean cjk = len > 0 && TextTokenizer.isCjk(atomText.get(atom).codePointAt(0));
        double c = 1 + 4.0 / Math.max(cjk ? 2 : len, 1);
        if (atomPrefix.get(atom)) {
            c += 1;
        }
        return c * (1 + Math.log1p(references.get(atom)));
    }
}
