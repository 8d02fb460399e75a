package org.newsmonitor.themes;

import java.util.Arrays;

/** A growable list of primitive longs; spans are packed as (first token << 32) | last token. */
final class LongList {
    long[] values = new long[8];
    int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }

    static long span(int first, int last) {
        return ((long) first << 32) | (last & 0xFFFFFFFFL);
    }

    static int first(long span) {
        return (int) (span >>> 32);
    }

    static int last(long span) {
        return (int) span;
    }
}
