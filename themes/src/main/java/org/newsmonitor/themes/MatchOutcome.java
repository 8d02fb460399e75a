package org.newsmonitor.themes;

import java.util.List;

/**
 * The result of matching one article: the matching themes and, when the article was not matched in full, why.
 *
 * @param hits matching themes in catalog order; never null
 * @param note null when the whole article was matched; otherwise the reason it was skipped or cut, e.g.
 *             "no text" or "content cut to the first 200000 of 912345 characters"
 */
public record MatchOutcome(List<ThemeHit> hits, String note) {
    public MatchOutcome {
        hits = List.copyOf(hits);
    }
}
