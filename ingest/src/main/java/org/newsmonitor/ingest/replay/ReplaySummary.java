package org.newsmonitor.ingest.replay;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.newsmonitor.contracts.Topics;

/**
 * The result of a replay. Every item read is counted in exactly one outcome, so that
 * {@code itemsRead = published + duplicatesSkipped + outsideWindow + unreadable + notPublished}; files that could not
 * be read at all hold no items and appear only among the failures.
 *
 * @param files             archive files read
 * @param itemsRead         items found in them: articles, and records (JSON lines, WARC records) that were unreadable
 * @param published         articles published to the articles topic
 * @param duplicatesSkipped articles skipped because their id was already published (or repeated in the archive)
 * @param outsideWindow     articles skipped by the since/until filter
 * @param unreadable        records that could not be read; each is among the failures and went to the dead-letter topic
 * @param notPublished      articles that were to be published but were not: too large (dead-lettered) or left when
 *                          Kafka failed (the failures say which)
 * @param failures          files, records and Kafka errors, with reasons; never null
 * @param elapsed           wall time of the replay
 */
public record ReplaySummary(int files, long itemsRead, long published, long duplicatesSkipped, long outsideWindow,
        long unreadable, long notPublished, List<ReplayFailure> failures, Duration elapsed) {

    /** The path of failures of Kafka itself. */
    public static final String KAFKA = "kafka";

    public ReplaySummary {
        failures = List.copyOf(failures);
    }

    /** True when nothing failed. */
    public boolean complete() {
        return failures.isEmpty();
    }

    /** The human summary printed at the end of {@code monitor replay}: the items read, then where each went. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("Replay ").append(complete() ? "finished" : "finished with failures").append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)).append('\n');
        line(s, "files read:", files);
        line(s, "items read:", itemsRead);
        line(s, "  published:", published);
        line(s, "  duplicates skipped:", duplicatesSkipped);
        if (outsideWindow > 0) {
            line(s, "  outside since/until:", outsideWindow);
        }
        if (unreadable > 0) {
            boolean kept = failures.stream().noneMatch(f -> f.path().equals(KAFKA));
            line(s, "  unreadable:", unreadable, kept ? " (kept on " + Topics.DEAD_LETTERS.name() + ")" : "");
        }
        if (notPublished > 0) {
            line(s, "  not published:", notPublished);
        }
        line(s, "failures:", failures.size());
        for (ReplayFailure f : failures) {
            s.append("    ").append(f).append('\n');
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String label, long count) {
        line(s, label, count, "");
    }

    private static void line(StringBuilder s, String label, long count, String note) {
        s.append(String.format(Locale.ROOT, "  %-23s%d%s%n", label, count, note));
    }
}
