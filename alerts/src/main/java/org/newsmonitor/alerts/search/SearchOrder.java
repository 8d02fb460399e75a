package org.newsmonitor.alerts.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** The order of search results; the article id breaks every tie, so the order is total and paging stable. */
public enum SearchOrder {
    /** Newest publication first. */
    NEWEST,
    /** Most query terms present first (a title match counts twice), then newest. */
    RELEVANCE;

    /** The Lucene sort. */
    Sort sort() {
        SortField newest = new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG, true);
        SortField id = new SortField(ArticleFields.ID, SortField.Type.STRING);
        return this == RELEVANCE ? new Sort(SortField.FIELD_SCORE, newest, id) : new Sort(newest, id);
    }
}
