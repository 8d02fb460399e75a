package org.newsmonitor.alerts.search;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Where one copy stands among the copies of its story, in the story view's order: oldest first, ties by article id.
 */
final class StoryPosition {
    private StoryPosition() {
    }

    /**
     * The number of copies of the story that come before {@code articleId}.
     *
     * @param s         the searcher of the index
     * @param story     the query that finds every copy of the story
     * @param storyId   the story id, for the refusal
     * @param articleId the copy to place
     * @param members   the ids of the story's copies
     * @throws StoryView.NotACopyException when {@code articleId} is not a held copy of the story
     */
    static long of(IndexSearcher s, Query story, String storyId, String articleId, Set<String> members)
            throws IOException {
        if (!members.contains(articleId)) {
            throw new StoryView.NotACopyException(articleId, storyId);
        }
        TopDocs found = s.search(new TermQuery(new Term(ArticleFields.ID, articleId)), 1);
        if (found.scoreDocs.length == 0) {
            throw new StoryView.NotACopyException(articleId, storyId);
        }
        long published = s.storedFields().document(found.scoreDocs[0].doc).getField(ArticleFields.PUBLISHED)
                .numericValue().longValue();
        Query sameTimeLowerId = new BooleanQuery.Builder()
                .add(LongPoint.newExactQuery(ArticleFields.PUBLISHED, published), BooleanClause.Occur.FILTER)
                .add(TermRangeQuery.newStringRange(ArticleFields.ID, null, articleId, false, false),
                        BooleanClause.Occur.FILTER)
                .build();
        Query before = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(ArticleFields.PUBLISHED, Long.MIN_VALUE, published - 1),
                        BooleanClause.Occur.SHOULD)
                .add(sameTimeLowerId, BooleanClause.Occur.SHOULD)
                .build();
        return s.count(new BooleanQuery.Builder()
                .add(story, BooleanClause.Occur.FILTER)
                .add(before, BooleanClause.Occur.FILTER)
                .build());
    }
}
