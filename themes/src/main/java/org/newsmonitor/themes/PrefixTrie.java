package org.newsmonitor.themes;

import java.util.HashMap;
import java.util.Map;

/**
 * All prefix atoms of a theme set in a character trie: one walk down a token finds every prefix it starts with.
 * The trie is kept in flat arrays (a node is a number, its children are found in one hash table of edges), and a
 * bit set of the prefixes' first characters turns most tokens away before the walk.
 */
final class PrefixTrie {
    /** Characters of a prefix's start that go into the bit set. */
    private static final int START_CHARS = 3;
    private static final int START_BITS = 1 << 16;
    /** First characters of Latin and Cyrillic words, whose root children are found directly. */
    private static final int DIRECT = 0x500;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Nodes that fit the 24 bits an edge has for the parent and for the child. */
    static final int MAX_NODES = (1 << 24) - 1;
    private static final long CHILD_MASK = (1L << 24) - 1;

    // node n: its prefix atom or -1; node 0 is the root
    private final int[] atomOf;
    private final int[] rootDirect = new int[DIRECT];
    // edge (parent, c) at slot i, in one long: parent + 1 in the top 24 bits, c in the next 16, the child in the
    // low 24 (0 for a free slot)
    private final long[] edges;
    private final int edgeShift;
    // bit startHash(p, min(|p|, START_CHARS)) set for every prefix p
    private final long[] starts = new long[START_BITS / 64];
    private final boolean empty;
    private final boolean rootAtom;

    /** A trie over {@code prefixes} (prefix text → atom id). */
    PrefixTrie(Map<String, Integer> prefixes) {
        Map<Long, Integer> edgeMap = new HashMap<>();
        Map<Integer, Integer> atoms = new HashMap<>();
        int nodes = 1;
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            String p = e.getKey();
            int n = 0;
            for (int i = 0; i < p.length(); i++) {
                long key = edgeKey(n, p.charAt(i));
                Integer child = edgeMap.get(key);
                if (child == null) {
                    child = nodes++;
                    edgeMap.put(key, child);
                }
                n = child;
            }
            atoms.put(n, e.getValue());
            int k = Math.min(p.length(), START_CHARS);
            int bit = startHash(p.toCharArray(), k);
            starts[bit >>> 6] |= 1L << bit;
        }
        atomOf = new int[nodes];
        java.util.Arrays.fill(atomOf, -1);
        atoms.forEach((n, a) -> atomOf[n] = a);
        if (nodes > MAX_NODES) {
            throw new IllegalArgumentException("too many prefix characters for one matcher: " + nodes
                    + " trie nodes, at most " + MAX_NODES);
        }
        int bits = Math.max(4, 33 - Integer.numberOfLeadingZeros(Math.max(edgeMap.size(), 1) * 2 - 1));
        edgeShift = 64 - bits;
        edges = new long[1 << bits];
        int mask = (1 << bits) - 1;
        java.util.Arrays.fill(rootDirect, -1);
        for (Map.Entry<Long, Integer> e : edgeMap.entrySet()) {
            long key = e.getKey();
            int i = slot(key);
            while (edges[i] != 0) {
                i = (i + 1) & mask;
            }
            edges[i] = (key + (1L << 16)) << 24 | e.getValue();
            char c = (char) key;
            if (key >>> 16 == 0 && c < DIRECT) {
                rootDirect[c] = e.getValue();
            }
        }
        empty = prefixes.isEmpty();
        rootAtom = atomOf[0] >= 0;
    }

    /** Records a hit at {@code token} for every prefix atom that {@code text[0 .. len)} starts with. */
    void walk(char[] text, int len, int token, DocState d) {
        if (empty) {
            return;
        }
        if (rootAtom) {
            d.hit(atomOf[0], token);
        } else if (!mayStartWithPrefix(text, len)) {
            return;
        }
        char first = text[0];
        int n = first < DIRECT ? rootDirect[first] : child(0, first);
        int i = 1;
        while (n >= 0) {
            int a = atomOf[n];
            if (a >= 0) {
                d.hit(a, token);
            }
            if (i == len) {
                return;
            }
            n = child(n, text[i++]);
        }
    }

    // false when no prefix starts like the token (then the walk would find nothing); true may be wrong
    private boolean mayStartWithPrefix(char[] text, int len) {
        int h = 0;
        for (int k = 0; k < len && k < START_CHARS; k++) {
            h = 31 * h + text[k];
            int bit = spreadStart(h);
            if ((starts[bit >>> 6] & (1L << bit)) != 0) {
                return true;
            }
        }
        return false;
    }

    private int child(int node, char c) {
        long key = edgeKey(node, c);
        long tag = key + (1L << 16);
        int mask = edges.length - 1;
        int i = slot(key);
        long stored;
        while ((stored = edges[i]) != 0) {
            if (stored >>> 24 == tag) {
                return (int) (stored & CHILD_MASK);
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> edgeShift);
    }

    private static long edgeKey(int parent, char c) {
        return ((long) parent << 16) | c;
    }

    private static int startHash(char[] text, int k) {
        int h = 0;
        for (int i = 0; i < k; i++) {
            h = 31 * h + text[i];
        }
        return spreadStart(h);
    }

    private static int spreadStart(int h) {
        return (h ^ (h >>> 16) ^ (h >>> 7)) & (START_BITS - 1);
    }
}
