package org.newsmonitor.themes;

import java.util.List;

/**
 * A compiled rule expression: the syntax tree of the rule language with lexicon lists expanded and field scopes
 * pushed down to the terms. Exposed so that other engines (e.g. a benchmark baseline) can translate rules.
 */
public sealed interface Expr permits Expr.Term, Expr.And, Expr.Or, Expr.Not, Expr.Near {

    /**
     * One part of a term: a normalised token, or a token prefix.
     *
     * @param text   normalised token text (see {@link TextTokenizer})
     * @param prefix true for {@code word*}: any token starting with {@code text}
     */
    record Part(String text, boolean prefix) {
    }

    /**
     * A word, a prefix, or a phrase (several parts on consecutive tokens of one field).
     * A word that is not a prefix also matches the token with {@code s} or {@code es} appended.
     *
     * @param written the term as written in the rule or lexicon (phrases without quotes)
     * @param parts   one part for a word or prefix, several for a phrase
     * @param scope   where it may match
     */
    record Term(String written, List<Part> parts, Scope scope) implements Expr {
        public Term {
            parts = List.copyOf(parts);
        }

        /** Whether this term is a phrase of several tokens. */
        public boolean isPhrase() {
            return parts.size() > 1;
        }
    }

    /** All of the children hold. */
    record And(List<Expr> children) implements Expr {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds. */
    record Or(List<Expr> children) implements Expr {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** The child does not hold. */
    record Not(Expr child) implements Expr {
    }

    /**
     * Some occurrence of {@code left} and some occurrence of {@code right} lie in the same field, at most
     * {@code distance} tokens apart, in either order (adjacent tokens are 1 apart). Both sides are terms, ORs of
     * terms, or NEARs.
     */
    record Near(Expr left, Expr right, int distance) implements Expr {
    }
}
