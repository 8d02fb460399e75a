package org.newsmonitor.themes;

import java.util.Arrays;

/**
 * Yes/no answers remembered for the article being matched, by a small integer key (a term node, a shared OR node,
 * a pre-selection clause). {@link #nextArticle()} forgets them all at once without clearing anything: each entry
 * records the article it was answered for.
 */
final class ArticleAnswers {
    // entry k: +article when the answer was yes for that article, -article when it was no; any other value is an
    // answer for an earlier article (articles are numbered from 1, so a fresh 0 is unknown too)
    private final int[] entries;
    private int article = 1;

    ArticleAnswers(int keys) {
        entries = new int[keys];
    }

    /** Forgets every answer. */
    void nextArticle() {
        article++;
        if (article == Integer.MAX_VALUE) {
            Arrays.fill(entries, 0);
            article = 1;
        }
    }

    /** Whether {@code key} has been answered for this article. */
    boolean known(int key) {
        int e = entries[key];
        return e == article || e == -article;
    }

    /** The answer for {@code key}; only meaningful when {@link #known}. */
    boolean yes(int key) {
        return entries[key] == article;
    }

    void remember(int key, boolean yes) {
        entries[key] = yes ? article : -article;
    }
}
