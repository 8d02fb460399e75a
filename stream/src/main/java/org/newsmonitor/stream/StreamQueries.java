package org.newsmonitor.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.stats.DailyBalance;
import org.newsmonitor.stream.stats.ThemeCount;

/** Reads the count stores, whether reached through interactive queries or a test driver. */
public final class StreamQueries {
    private StreamQueries() {
    }

    /**
     * Counts of one theme in the windows starting within [from, to], oldest first; windows without matches are
     * absent.
     *
     * @param store       the hourly or daily count store
     * @param themeId     the theme
     * @param granularity the store's window size
     * @return never null
     */
    public static List<ThemeStatsEvent> themeCounts(ReadOnlyWindowStore<String, ThemeCount> store, String themeId,
            Granularity granularity, Instant from, Instant to) {
        long size = granularity == Granularity.HOUR ? 3_600_000L : 86_400_000L;
        List<ThemeStatsEvent> counts = new ArrayList<>();
        try (WindowStoreIterator<ThemeCount> windows = store.fetch(themeId, from, to)) {
            while (windows.hasNext()) {
                KeyValue<Long, ThemeCount> window = windows.next();
                counts.add(new ThemeStatsEvent(ThemeStatsEvent.CURRENT_VERSION, themeId, window.value.polarity(),
                        granularity, Instant.ofEpochMilli(window.key), Instant.ofEpochMilli(window.key + size),
                        window.value.count()));
            }
        }
        return counts;
    }

    /**
     * The daily cooperation-vs-friction balance for the days starting within [from, to], oldest first; days without
     * matches are absent.
     *
     * @param store the daily count store keyed by polarity name
     * @return never null
     */
    public static List<DailyBalance> balance(ReadOnlyWindowStore<String, Long> store, Instant from, Instant to) {
        Map<Long, long[]> days = new TreeMap<>();
        for (Polarity polarity : Polarity.values()) {
            try (WindowStoreIterator<Long> windows = store.fetch(polarity.name(), from, to)) {
                while (windows.hasNext()) {
                    KeyValue<Long, Long> window = windows.next();
                    days.computeIfAbsent(window.key, d -> new long[Polarity.values().length])[polarity.ordinal()] +=
                            window.value;
                }
            }
        }
        List<DailyBalance> balance = new ArrayList<>(days.size());
        days.forEach((day, c) -> balance.add(new DailyBalance(Instant.ofEpochMilli(day),
                c[Polarity.COOPERATION.ordinal()], c[Polarity.FRICTION.ordinal()], c[Polarity.MIXED.ordinal()])));
        return balance;
    }
}
