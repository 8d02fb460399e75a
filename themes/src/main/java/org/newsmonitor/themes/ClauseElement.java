package org.newsmonitor.themes;

/**
 * The elements of pre-selection clauses (see {@link Clauses}) are ints: an atom id stands for itself (the article
 * has a token of that word or prefix) and a term node id {@code t} is written {@code ~t}, a negative number (the
 * phrase or field-scoped term holds). These name the two cases.
 */
final class ClauseElement {
    private ClauseElement() {
    }

    static int ofAtom(int atom) {
        return atom;
    }

    static int ofTerm(int termId) {
        return ~termId;
    }

    static boolean isAtom(int element) {
        return element >= 0;
    }

    /** The atom id of an atom element. */
    static int atom(int element) {
        return element;
    }

    /** The term node id of a term element. */
    static int term(int element) {
        return ~element;
    }
}
