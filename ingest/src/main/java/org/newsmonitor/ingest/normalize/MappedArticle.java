package org.newsmonitor.ingest.normalize;

import java.util.Set;
import org.newsmonitor.contracts.event.ArticleEvent;

/**
 * An article ready to publish, with what normalisation had to correct.
 *
 * @param event the record; never null
 * @param flags corrections made, see {@link ArticleFlags}; never null
 */
public record MappedArticle(ArticleEvent event, Set<String> flags) {

    public MappedArticle {
        flags = Set.copyOf(flags);
    }
}
