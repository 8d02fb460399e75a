package org.newsmonitor.themes;

import java.util.Arrays;

/**
 * The tokens of the article being matched, numbered from 0 across title, summary and content: for each its field
 * and its character offsets in that field's text. Reused between articles.
 */
final class ArticleTokens {
    private int count;
    private byte[] field = new byte[256];
    private int[] start = new int[256];
    private int[] end = new int[256];

    void clear() {
        count = 0;
    }

    /** Adds a token at {@code [start, end)} of {@code field}'s text; returns its index. */
    int add(Field f, int from, int to) {
        if (count == start.length) {
            int n = count * 2;
            field = Arrays.copyOf(field, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        field[count] = (byte) f.ordinal();
        start[count] = from;
        end[count] = to;
        return count++;
    }

    int count() {
        return count;
    }

    Field field(int token) {
        return Field.ofOrdinal(field[token]);
    }

    /** Whether two tokens are in the same field. */
    boolean sameField(int a, int b) {
        return field[a] == field[b];
    }

    /** The character offset where {@code token} starts in its field's text. */
    int start(int token) {
        return start[token];
    }

    /** The character offset just after {@code token} in its field's text. */
    int end(int token) {
        return end[token];
    }
}
