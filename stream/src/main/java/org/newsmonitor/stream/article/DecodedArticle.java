package org.newsmonitor.stream.article;

import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/**
 * The outcome of reading one record of {@code news-articles}: an article, or a dead letter saying why not.
 * Exactly one of the two is present. Lives only between two processors; never serialised.
 *
 * @param article    the article; null when the record could not be read
 * @param deadLetter why the record could not be read; null for an article
 */
public record DecodedArticle(ArticleEvent article, DeadLetterEvent deadLetter) {
    public DecodedArticle {
        if ((article == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of article and deadLetter must be present");
        }
    }

    /** Whether the record could not be read. */
    public boolean failed() {
        return deadLetter != null;
    }
}
