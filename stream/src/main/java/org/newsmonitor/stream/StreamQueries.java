package org.newsmonitor.stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.stats.CountMatchesProcessor;
import org.newsmonitor.stream.stats.DailyBalance;
import org.newsmonitor.stream.stats.ThemeCount;
import org.newsmonitor.stream.stats.TimeBuckets;

/** Reads the count store, whether reached through interactive queries or a test driver. */
public final class StreamQueries {
    private StreamQueries() {
    }

    /**
     * Counts of one theme in the buckets starting within [from, to], oldest first; buckets without matches are
     * absent.
     *
     * @param store       the count store
     * @param themeId     the theme
     * @param granularity hour or day
     * @return never null
     */
    public static List<ThemeStatsEvent> themeCounts(ReadOnlyKeyValueStore<String, ThemeCount> store, String themeId,
            Granularity granularity, Instant from, Instant to) {
        List<ThemeStatsEvent> counts = new ArrayList<>();
        if (from.isAfter(to)) {
            return counts;
        }
        try (KeyValueIterator<String, ThemeCount> buckets = store.range(
                TimeBuckets.themeKey(themeId, granularity, bound(from)),
                TimeBuckets.themeKey(themeId, granularity, bound(to)))) {
            while (buckets.hasNext()) {
                KeyValue<String, ThemeCount> bucket = buckets.next();
                Instant start = startOf(bucket.key);
                counts.add(new ThemeStatsEvent(ThemeStatsEvent.CURRENT_VERSION, themeId, bucket.value.polarity(),
                        granularity, start, start.plusMillis(TimeBuckets.size(granularity)), bucket.value.count()));
            }
        }
        return counts;
    }

    /**
     * The daily cooperation-vs-friction balance for the days starting within [from, to], oldest first; days without
     * matches are absent.
     *
     * @param store the count store
     * @return never null
     */
    public static List<DailyBalance> balance(ReadOnlyKeyValueStore<String, ThemeCount> store, Instant from,
            Instant to) {
        Map<Instant, long[]> days = new TreeMap<>();
        if (!from.isAfter(to)) {
            for (Polarity polarity : Polarity.values()) {
                try (KeyValueIterator<String, ThemeCount> buckets = store.range(
                        TimeBuckets.balanceKey(polarity, bound(from)), TimeBuckets.balanceKey(polarity, bound(to)))) {
                    while (buckets.hasNext()) {
                        KeyValue<String, ThemeCount> bucket = buckets.next();
                        days.computeIfAbsent(startOf(bucket.key), d -> new long[Polarity.values().length])
                                [polarity.ordinal()] += bucket.value.count();
                    }
                }
            }
        }
        List<DailyBalance> balance = new ArrayList<>(days.size());
        days.forEach((day, c) -> balance.add(new DailyBalance(day, c[Polarity.COOPERATION.ordinal()],
                c[Polarity.FRICTION.ordinal()], c[Polarity.MIXED.ordinal()])));
        return balance;
    }

    /** Matches read but not counted (publication time outside years 0001 to 9999); 0 when none. */
    public static long excluded(ReadOnlyKeyValueStore<String, ThemeCount> store) {
        ThemeCount excluded = store.get(CountMatchesProcessor.excludedKey());
        return excluded == null ? 0 : excluded.count();
    }

    /** A query bound as a key: whole seconds (keys hold whole hours), within the countable years. */
    private static Instant bound(Instant time) {
        Instant t = time.truncatedTo(ChronoUnit.SECONDS);
        if (t.isBefore(TimeBuckets.EARLIEST)) {
            return TimeBuckets.EARLIEST;
        }
        return t.isBefore(TimeBuckets.END) ? t : TimeBuckets.END.minusSeconds(1);
    }

    private static Instant startOf(String key) {
        return Instant.parse(key.substring(key.lastIndexOf('@') + 1));
    }
}
