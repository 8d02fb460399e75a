package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations on clauses for pre-selection. A clause is a sorted set of elements of which at least one occurs in an
 * article. An element is an atom id (the article has a token of that word or prefix) or {@code ~id} of a term node
 * (the phrase or field-scoped term holds). A list of clauses means all of them hold. Dropping a clause from such a
 * list only weakens it, which is always safe for pre-selection.
 */
final class Clauses {
    /** Most clauses kept for one OR expression: the most selective ones. */
    static final int KEPT = 8;

    private Clauses() {
    }

    /** The relative cost of relying on {@code clause} (the sum over its elements; lower is more selective). */
    static double cost(int[] clause, EvalNode.AtomCost cost) {
        double c = 0;
        for (int a : clause) {
            c += cost.of(a);
        }
        return c;
    }

    /** The elements of both clauses, sorted, without duplicates. */
    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next;
            if (j == b.length || (i < a.length && a[i] <= b[j])) {
                next = a[i++];
            } else {
                next = b[j++];
            }
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The same condition with each clause sorted, duplicates and clauses implied by a smaller one left out, most
     * selective first.
     */
    static List<int[]> simplify(List<int[]> clauses, EvalNode.AtomCost cost) {
        List<int[]> sorted = new ArrayList<>(clauses.size());
        for (int[] c : clauses) {
            sorted.add(sortedSet(c));
        }
        sorted.sort((a, b) -> Integer.compare(a.length, b.length));
        List<int[]> kept = new ArrayList<>();
        for (int[] c : sorted) {
            boolean implied = false;
            for (int[] k : kept) {
                if (containsAll(c, k)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                kept.add(c);
            }
        }
        if (kept.size() > 1) {
            double[] costs = new double[kept.size()];
            Integer[] order = new Integer[kept.size()];
            for (int i = 0; i < costs.length; i++) {
                costs[i] = cost(kept.get(i), cost);
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(costs[a], costs[b]));
            List<int[]> byCost = new ArrayList<>(kept.size());
            for (int i : order) {
                byCost.add(kept.get(i));
            }
            kept = byCost;
        }
        return kept;
    }

    private static int[] sortedSet(int[] c) {
        int[] s = c.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (n == 0 || s[n - 1] != s[i]) {
                s[n++] = s[i];
            }
        }
        return n == s.length ? s : Arrays.copyOf(s, n);
    }

    /**
     * Clauses that hold whenever at least one of the alternatives holds (each alternative a list of clauses that
     * all hold); empty when an alternative needs no atom. (a AND b) OR (c AND d) needs (a OR c), (a OR d),
     * (b OR c) and (b OR d): every pairing of one clause of each alternative, joined. Only the most selective
     * few are kept at each step.
     */
    static List<int[]> either(List<List<int[]>> alternatives, EvalNode.AtomCost cost) {
        List<int[]> acc = null;
        for (List<int[]> alternative : alternatives) {
            if (alternative.isEmpty()) {
                return List.of();
            }
            List<int[]> mine = fewest(alternative, cost);
            if (acc == null) {
                acc = mine;
                continue;
            }
            List<int[]> joined = new ArrayList<>(acc.size() * mine.size());
            for (int[] a : acc) {
                for (int[] b : mine) {
                    joined.add(union(a, b));
                }
            }
            acc = fewest(joined, cost);
        }
        return acc == null ? List.of() : acc;
    }

    /** At most {@link #KEPT} of the simplified clauses, the most selective ones. */
    static List<int[]> fewest(List<int[]> clauses, EvalNode.AtomCost cost) {
        List<int[]> s = simplify(clauses, cost);
        return s.size() <= KEPT ? s : new ArrayList<>(s.subList(0, KEPT));
    }

    // whether sorted set a contains every element of sorted set b
    private static boolean containsAll(int[] a, int[] b) {
        int i = 0;
        for (int x : b) {
            while (i < a.length && a[i] < x) {
                i++;
            }
            if (i == a.length || a[i] != x) {
                return false;
            }
        }
        return true;
    }
}
