package org.newsmonitor.themes;

import java.util.Arrays;

/**
 * A growable list of spans, each the first and the last token index of one occurrence (of a term, or of a NEAR
 * pair). Reused between articles: {@link #clear()} empties it without freeing memory.
 */
final class SpanList {
    // each span packed in one long, first token in the high half, so that sorting the longs sorts by first token
    private long[] spans = new long[8];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The first token of span {@code i}. */
    int first(int i) {
        return (int) (spans[i] >>> 32);
    }

    /** The last token of span {@code i}. */
    int last(int i) {
        return (int) spans[i];
    }

    void add(int first, int last) {
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
        }
        spans[size++] = ((long) first << 32) | (last & 0xFFFFFFFFL);
    }

    void addAll(SpanList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.first(i), other.last(i));
        }
    }

    void clear() {
        size = 0;
    }

    /** Sorts the spans by first token, then by last token. */
    void sort() {
        Arrays.sort(spans, 0, size);
    }

    /** Whether {@code [first, last]} lies inside one of the spans. */
    boolean encloses(int first, int last) {
        for (int i = 0; i < size; i++) {
            if (first(i) <= first && last <= last(i)) {
                return true;
            }
        }
        return false;
    }
}
