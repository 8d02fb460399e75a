package org.newsmonitor.stream.stats;

import java.time.Instant;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/**
 * What the counts need of one match: the value of the repartition topic into the counting task (keyed by theme id),
 * a tenth of the match event's size.
 *
 * @param themeId       the matched theme
 * @param themeTitle    the theme's title at match time
 * @param themeRevision the theme's revision at match time; may be null
 * @param polarity      the theme's polarity at match time
 * @param score         the match's score
 * @param source        the article's publisher
 * @param language      the article's language; may be null
 * @param publishedAt   the article's publication time: the event time counted
 */
public record CountedMatch(String themeId, String themeTitle, Integer themeRevision, Polarity polarity, double score,
        String source, String language, Instant publishedAt) {

    /** What the counts need of {@code match}; never null. */
    public static CountedMatch of(ThemeMatchEvent match) {
        return new CountedMatch(match.themeId(), match.themeTitle(), match.themeRevision(), match.polarity(),
                match.score(), match.source(), match.language(), match.publishedAt());
    }
}
