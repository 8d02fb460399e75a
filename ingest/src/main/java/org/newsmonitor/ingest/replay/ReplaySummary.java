package org.newsmonitor.ingest.replay;

import java.time.Duration;
import java.util.List;

/**
 * The result of a replay.
 *
 * @param files             archive files read
 * @param itemsRead         articles found in them
 * @param published         articles published to the articles topic
 * @param duplicatesSkipped articles skipped because their id was already published (or repeated in the archive)
 * @param outsideWindow     articles skipped by the since/until filter
 * @param failures          files, records and Kafka errors that were skipped, with reasons; never null
 * @param elapsed           wall time of the replay
 */
public record ReplaySummary(int files, long itemsRead, long published, long duplicatesSkipped, long outsideWindow,
        List<ReplayFailure> failures, Duration elapsed) {

    public ReplaySummary {
        failures = List.copyOf(failures);
    }

    /** True when nothing failed. */
    public boolean complete() {
        return failures.isEmpty();
    }

    /** The human summary printed at the end of {@code monitor replay}. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("Replay ").append(complete() ? "finished" : "finished with failures").append(" in ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)).append('\n');
        s.append(String.format(java.util.Locale.ROOT, "  files read:          %d%n", files));
        s.append(String.format(java.util.Locale.ROOT, "  items read:          %d%n", itemsRead));
        s.append(String.format(java.util.Locale.ROOT, "  published:           %d%n", published));
        s.append(String.format(java.util.Locale.ROOT, "  duplicates skipped:  %d%n", duplicatesSkipped));
        if (outsideWindow > 0) {
            s.append(String.format(java.util.Locale.ROOT, "  outside since/until: %d%n", outsideWindow));
        }
        s.append(String.format(java.util.Locale.ROOT, "  failed:              %d%n", failures.size()));
        for (ReplayFailure f : failures) {
            s.append("    ").append(f).append('\n');
        }
        return s.toString();
    }
}
