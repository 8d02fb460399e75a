package org.newsmonitor.alerts.view;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;

/**
 * Per-theme match counts over time and recent surges, materialised from the theme-stats and surges topics, shaped for
 * the dashboard's charts: counts per theme per window and the cooperation-vs-friction balance.
 *
 * <p>Windows are kept whatever order they arrive in (a replayed archive brings old days after new ones): the newest
 * {@value #MAX_HOURS} hours and {@value #MAX_DAYS} days that have matches. A window beyond that is not kept, and the
 * series says how many were not ({@link Series#windowsNotKept()}); the counts themselves stay on
 * {@code news-theme-stats}.
 */
public final class StatsView {
    /** Hour windows kept: two weeks of hours with matches. */
    public static final int MAX_HOURS = 14 * 24;
    /** Day windows kept: ten years of days with matches. */
    public static final int MAX_DAYS = 3660;
    private static final int MAX_SURGES = 500;
    private final Map<Granularity, NavigableMap<Instant, Map<String, ThemeStatsEvent>>> windows = Map.of(
            Granularity.HOUR, new TreeMap<>(), Granularity.DAY, new TreeMap<>());
    private final Map<Granularity, long[]> notKept = Map.of(Granularity.HOUR, new long[1], Granularity.DAY,
            new long[1]);
    private final ArrayDeque<SurgeEvent> surges = new ArrayDeque<>();

    /** Applies one theme-stats record (a later record for the same window supersedes the earlier one). */
    public synchronized void apply(ThemeStatsEvent stats) {
        if (stats == null) {
            return;
        }
        NavigableMap<Instant, Map<String, ThemeStatsEvent>> byStart = windows.get(stats.granularity());
        byStart.computeIfAbsent(stats.windowStart(), k -> new TreeMap<>()).put(stats.themeId(), stats);
        int max = stats.granularity() == Granularity.HOUR ? MAX_HOURS : MAX_DAYS;
        while (byStart.size() > max) {
            byStart.pollFirstEntry();
            notKept.get(stats.granularity())[0]++;
        }
    }

    /** Remembers one surge. */
    public synchronized void apply(SurgeEvent surge) {
        if (surge == null) {
            return;
        }
        surges.addLast(surge);
        if (surges.size() > MAX_SURGES) {
            surges.removeFirst();
        }
    }

    /**
     * The latest windows of one granularity, oldest first.
     *
     * @param granularity hour or day
     * @param limit       at most this many windows
     * @return the series; never null
     */
    public Series series(Granularity granularity, int limit) {
        return series(granularity, null, null, limit);
    }

    /**
     * The latest windows of one granularity that start in {@code [from, to)}, oldest first.
     *
     * @param granularity hour or day
     * @param from        earliest window start, inclusive; null for no bound
     * @param to          latest window start, exclusive; null for no bound
     * @param limit       at most this many windows (the newest in the range)
     * @return the series; never null
     */
    public synchronized Series series(Granularity granularity, Instant from, Instant to, int limit) {
        NavigableMap<Instant, Map<String, ThemeStatsEvent>> held = windows.get(granularity);
        NavigableMap<Instant, Map<String, ThemeStatsEvent>> byStart = held;
        if (from != null) {
            byStart = byStart.tailMap(from, true);
        }
        if (to != null) {
            byStart = byStart.headMap(to, false);
        }
        List<Bucket> buckets = new ArrayList<>();
        TreeSet<String> themes = new TreeSet<>();
        for (Map.Entry<Instant, Map<String, ThemeStatsEvent>> e : byStart.descendingMap().entrySet()) {
            if (buckets.size() >= limit) {
                break;
            }
            Map<String, Long> counts = new TreeMap<>();
            long cooperation = 0;
            long friction = 0;
            long mixed = 0;
            for (ThemeStatsEvent s : e.getValue().values()) {
                counts.put(s.themeId(), s.count());
                themes.add(s.themeId());
                if (s.polarity() == Polarity.COOPERATION) {
                    cooperation += s.count();
                } else if (s.polarity() == Polarity.FRICTION) {
                    friction += s.count();
                } else {
                    mixed += s.count();
                }
            }
            buckets.add(0, new Bucket(e.getKey(), counts, cooperation, friction, mixed));
        }
        Instant first = buckets.isEmpty() ? Instant.MAX : buckets.get(0).start();
        Instant end = to == null ? Instant.MAX : to;
        List<SurgeEvent> marked = surges.stream()
                .filter(s -> !s.windowStart().isBefore(first) && s.windowStart().isBefore(end)).toList();
        Instant heldFrom = held.isEmpty() ? null : held.firstKey();
        Instant heldTo = held.isEmpty() ? null : held.lastEntry().getValue().values().iterator().next().windowEnd();
        return new Series(granularity, List.copyOf(themes), buckets, marked, notKept.get(granularity)[0], heldFrom,
                heldTo);
    }

    /**
     * Counts over time.
     *
     * @param granularity hour or day
     * @param themes      every theme with a count in the series
     * @param buckets     one per window, oldest first
     * @param surges         surges within the series' time range
     * @param windowsNotKept windows of this granularity dropped because the view holds only the newest ones (see
     *                       {@link StatsView}); 0 unless the counts span more than it holds
     * @param heldFrom       start of the earliest window of this granularity held, whatever the range asked; null
     *                       when none is held (the dashboard's charts default to the data held)
     * @param heldTo         end of the latest window of this granularity held; null when none is held
     */
    public record Series(Granularity granularity, List<String> themes, List<Bucket> buckets, List<SurgeEvent> surges,
            long windowsNotKept, Instant heldFrom, Instant heldTo) {
    }

    /**
     * One window.
     *
     * @param start       window start
     * @param counts      matches per theme
     * @param cooperation matches of cooperation themes
     * @param friction    matches of friction themes
     * @param mixed       matches of mixed themes
     */
    public record Bucket(Instant start, Map<String, Long> counts, long cooperation, long friction, long mixed) {
    }
}
