package org.newsmonitor.stream.stats;

import java.time.Instant;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;

/**
 * Event-time buckets of the counts (UTC hours and days) and their keys in the count store. Theme buckets use the key
 * of {@code news-theme-stats} ("themeId@granularity@start"); balance buckets "balance:POLARITY@day@start". Starts are
 * ISO-8601 instants with four-digit years, so keys of one theme and granularity sort by time and a key range is a
 * time range.
 */
public final class TimeBuckets {
    /** Earliest countable publication time: a four-digit year. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** First instant past the countable range. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");
    private static final String BALANCE = "balance:";

    private TimeBuckets() {
    }

    /** Length of a bucket in milliseconds. */
    public static long size(Granularity granularity) {
        return granularity == Granularity.HOUR ? 3_600_000L : 86_400_000L;
    }

    /** Start of the bucket holding {@code time}. */
    public static Instant start(Granularity granularity, Instant time) {
        long size = size(granularity);
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }

    /** Whether {@code time} can be counted: not null, and with a four-digit year (0001 to 9999). */
    public static boolean countable(Instant time) {
        return time != null && !time.isBefore(EARLIEST) && time.isBefore(END);
    }

    /** Store key of a theme's bucket; the same as its {@code news-theme-stats} key. */
    public static String themeKey(String themeId, Granularity granularity, Instant start) {
        return ThemeStatsEvent.key(themeId, granularity, start);
    }

    /** Store key of a polarity's day in the cooperation-vs-friction balance. */
    public static String balanceKey(Polarity polarity, Instant dayStart) {
        return BALANCE + polarity.name() + "@day@" + dayStart;
    }
}
