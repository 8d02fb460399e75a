package org.newsmonitor.stream.stats;

import java.util.List;
import java.util.TreeSet;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;

/**
 * Matches counted in one bucket (stored as JSON in the count store). Hour buckets also keep what a surge reports and
 * what a subscription's filters are checked against: the lowest score, the publishers and the languages.
 *
 * @param polarity      the theme's polarity at its latest match in the bucket
 * @param count         matches counted
 * @param themeTitle    the theme's title at its latest match; may be null
 * @param themeRevision the theme's revision at its latest match; may be null
 * @param lowestScore   the lowest score of the matches counted (hour buckets; 0 elsewhere)
 * @param sources       distinct publishers, sorted (hour buckets; empty elsewhere); never null
 * @param languages     distinct languages, sorted, {@value SurgeEvent#UNKNOWN_LANGUAGE} for none (hour buckets; empty
 *                      elsewhere); never null
 * @param surgeReported whether a surge was reported for this bucket
 */
public record ThemeCount(Polarity polarity, long count, String themeTitle, Integer themeRevision, double lowestScore,
        List<String> sources, List<String> languages, boolean surgeReported) {

    public ThemeCount {
        sources = sources == null ? List.of() : List.copyOf(sources);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The count of a bucket that has seen only {@code match}, without its details. */
    public static ThemeCount first(CountedMatch match) {
        return new ThemeCount(match.polarity(), 1, match.themeTitle(), match.themeRevision(), 0, List.of(), List.of(),
                false);
    }

    /** This count plus {@code match}, without its details (day and balance buckets). */
    public ThemeCount plus(CountedMatch match) {
        return new ThemeCount(match.polarity(), count + 1, match.themeTitle(), match.themeRevision(), lowestScore,
                sources, languages, surgeReported);
    }

    /** This count (null: none yet) plus {@code match} with its score, publisher and language (hour buckets). */
    public static ThemeCount withDetails(ThemeCount current, CountedMatch match) {
        TreeSet<String> sources = new TreeSet<>(current == null ? List.of() : current.sources());
        sources.add(match.source());
        TreeSet<String> languages = new TreeSet<>(current == null ? List.of() : current.languages());
        languages.add(match.language() == null ? SurgeEvent.UNKNOWN_LANGUAGE : match.language());
        long count = current == null ? 1 : current.count() + 1;
        double lowest = current == null ? match.score() : Math.min(current.lowestScore(), match.score());
        return new ThemeCount(match.polarity(), count, match.themeTitle(), match.themeRevision(), lowest,
                List.copyOf(sources), List.copyOf(languages), current != null && current.surgeReported());
    }

    /** This count, marked as reported as a surge. */
    public ThemeCount reported() {
        return new ThemeCount(polarity, count, themeTitle, themeRevision, lowestScore, sources, languages, true);
    }
}
