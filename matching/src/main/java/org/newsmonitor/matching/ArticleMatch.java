package org.newsmonitor.matching;

import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.MatchOutcome;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;

/**
 * One article matched as the stream service matches it: its text prepared by {@link ArticleText}, then the themes'
 * {@link Matcher}. Pure, with no Kafka; the {@code match-themes} processor and {@code monitor match} both use it, so
 * that offline matching gives the live pipeline's results.
 *
 * @param article the article as matched (over-long fields cut); null when skipped
 * @param hits    the themes that matched, in catalog order; never null
 * @param note    why the article was skipped or matched only in part; null when matched in full
 */
public record ArticleMatch(ArticleEvent article, List<ThemeHit> hits, String note) {

    public ArticleMatch {
        hits = List.copyOf(hits);
    }

    /**
     * Matches {@code article}.
     *
     * @param text    how text is prepared for matching; never null
     * @param matcher the themes in force; never null
     * @param article the article as published; never null
     * @return never null
     */
    public static ArticleMatch of(ArticleText text, Matcher matcher, ArticleEvent article) {
        ArticleText.Prepared prepared = text.prepare(article);
        if (prepared.skipped()) {
            return new ArticleMatch(null, List.of(), prepared.skipReason());
        }
        ArticleEvent matched = prepared.article();
        MatchOutcome outcome = matcher.outcome(new Document(matched.id(), matched.title(), matched.summary(),
                matched.content(), matched.language()));
        List<String> notes = new ArrayList<>(prepared.notes());
        if (outcome.note() != null) {
            notes.add(outcome.note());
        }
        return new ArticleMatch(matched, outcome.hits(), notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Whether the article was not matched at all (no text). */
    public boolean skipped() {
        return article == null;
    }
}
