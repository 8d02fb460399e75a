package org.newsmonitor.themes;

import java.util.Map;
import java.util.TreeMap;

/** All prefix atoms of a theme set in a character trie: one walk down a token finds every prefix it starts with. */
final class PrefixTrie {
    private static final int[] NO_ATOMS = new int[0];

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        int[] atoms = NO_ATOMS;

        Node child(char c) {
            char[] k = keys;
            int lo = 0;
            int hi = k.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = k[mid];
                if (m < c) {
                    lo = mid + 1;
                } else if (m > c) {
                    hi = mid - 1;
                } else {
                    return kids[mid];
                }
            }
            return null;
        }
    }

    private static final class Builder {
        final TreeMap<Character, Builder> kids = new TreeMap<>();
        int atom = -1;

        Node freeze() {
            Node n = new Node();
            n.keys = new char[kids.size()];
            n.kids = new Node[kids.size()];
            int i = 0;
            for (Map.Entry<Character, Builder> e : kids.entrySet()) {
                n.keys[i] = e.getKey();
                n.kids[i] = e.getValue().freeze();
                i++;
            }
            n.atoms = atom < 0 ? NO_ATOMS : new int[] {atom};
            return n;
        }
    }

    /** Root children for the first characters of Latin and Cyrillic words, looked up directly. */
    private static final int DIRECT = 0x500;

    private final Node root;
    private final Node[] rootDirect = new Node[DIRECT];
    private final boolean empty;

    /** A trie over {@code prefixes} (prefix text → atom id). */
    PrefixTrie(Map<String, Integer> prefixes) {
        Builder b = new Builder();
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            Builder at = b;
            for (char c : e.getKey().toCharArray()) {
                at = at.kids.computeIfAbsent(c, k -> new Builder());
            }
            at.atom = e.getValue();
        }
        root = b.freeze();
        for (int i = 0; i < root.keys.length; i++) {
            if (root.keys[i] < DIRECT) {
                rootDirect[root.keys[i]] = root.kids[i];
            }
        }
        empty = prefixes.isEmpty();
    }

    /** Records a hit at {@code token} for every prefix atom that {@code text[0 .. len)} starts with. */
    void walk(char[] text, int len, int token, DocState d) {
        if (empty) {
            return;
        }
        char first = text[0];
        Node n = first < DIRECT ? rootDirect[first] : root.child(first);
        int i = 1;
        while (n != null) {
            for (int a : n.atoms) {
                d.hit(a, token);
            }
            if (i == len) {
                return;
            }
            n = n.child(text[i++]);
        }
    }
}
