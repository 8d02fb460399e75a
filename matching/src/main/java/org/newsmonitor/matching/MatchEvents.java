package org.newsmonitor.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.themes.TermHit;
import org.newsmonitor.themes.ThemeHit;

/** The {@code theme-matches} record of one theme hit: the one place a {@link ThemeHit} becomes a wire event. */
public final class MatchEvents {

    private MatchEvents() {
    }

    /** The match event for one theme hit of {@code article}, without the theme's revision; see the overload. */
    public static ThemeMatchEvent toEvent(ArticleEvent article, ThemeHit hit, Instant now) {
        return toEvent(article, hit, null, now);
    }

    /**
     * The match event for one theme hit of {@code article}, made at {@code now} by revision {@code revision} of the
     * theme (may be null when unknown); the story id is the article's.
     */
    public static ThemeMatchEvent toEvent(ArticleEvent article, ThemeHit hit, Integer revision, Instant now) {
        return new ThemeMatchEvent(ThemeMatchEvent.CURRENT_VERSION, article.id(), article.id(), hit.themeId(),
                hit.themeTitle(), ThemeDefinitions.toWire(hit.polarity()), hit.score(), matchedTerms(hit.terms()),
                hit.snippet(), article.title(), article.url(), article.source(), article.language(),
                article.publishedAt(), now, revision, matchedTerms(hit.snippetTerms()), hit.subTopics());
    }

    private static List<MatchedTerm> matchedTerms(List<TermHit> hits) {
        List<MatchedTerm> terms = new ArrayList<>(hits.size());
        for (TermHit term : hits) {
            terms.add(new MatchedTerm(term.term(), term.field(), term.start(), term.end()));
        }
        return terms;
    }
}
