package org.newsmonitor.stream.stats;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every match in its event-time hour and day (per theme) and in its day of the cooperation-vs-friction balance
 * (per polarity), in a key-value store, whatever the order in which matches arrive: a match published last year that
 * arrives after today's still counts in last year's buckets. Forwards the new count of each theme bucket it changed
 * (key "themeId@granularity@start"), which the topology publishes on {@code news-theme-stats}.
 *
 * <p>A match whose publication time cannot be bucketed (outside years 0001 to 9999) is not counted; it is counted
 * instead under {@link #excludedKey()} in the store, logged, and in the metric
 * {@value #EXCLUDED_METRIC} (group {@value #METRIC_GROUP}).
 */
public final class CountMatchesProcessor implements Processor<String, CountedMatch, String, ThemeStatsEvent> {
    /** Metric of matches that could not be counted. */
    public static final String EXCLUDED_METRIC = "matches-excluded-from-counts-total";
    /** Group of the counting metrics. */
    public static final String METRIC_GROUP = "news-monitor-theme-counts";
    private static final Logger LOG = LoggerFactory.getLogger(CountMatchesProcessor.class);
    private static final String EXCLUDED_KEY = "excluded:publication-time";

    private final String storeName;
    private ProcessorContext<String, ThemeStatsEvent> context;
    private KeyValueStore<String, ThemeCount> counts;
    private Sensor excluded;

    /** @param storeName the key-value count store */
    public CountMatchesProcessor(String storeName) {
        this.storeName = storeName;
    }

    /** Store key of the number of matches not counted because their publication time cannot be bucketed. */
    public static String excludedKey() {
        return EXCLUDED_KEY;
    }

    @Override
    public void init(ProcessorContext<String, ThemeStatsEvent> context) {
        this.context = context;
        this.counts = context.getStateStore(storeName);
        String sensorName = "task-" + context.taskId() + "-" + EXCLUDED_METRIC;
        this.excluded = context.metrics().addSensor(sensorName, Sensor.RecordingLevel.INFO);
        excluded.add(new MetricName(EXCLUDED_METRIC, METRIC_GROUP,
                "Matches not counted in the theme statistics because their publication time cannot be bucketed",
                Map.of("task-id", context.taskId().toString())), new CumulativeCount());
    }

    @Override
    public void process(Record<String, CountedMatch> record) {
        CountedMatch match = record.value();
        if (match == null || !TimeBuckets.countable(match.publishedAt())) {
            exclude(record);
            return;
        }
        for (Granularity granularity : Granularity.values()) {
            Instant start = TimeBuckets.start(granularity, match.publishedAt());
            String key = TimeBuckets.themeKey(match.themeId(), granularity, start);
            ThemeCount current = counts.get(key);
            ThemeCount updated = granularity == Granularity.HOUR ? ThemeCount.withDetails(current, match)
                    : current == null ? ThemeCount.first(match) : current.plus(match);
            counts.put(key, updated);
            ThemeStatsEvent stats = new ThemeStatsEvent(ThemeStatsEvent.CURRENT_VERSION, match.themeId(),
                    updated.polarity(), granularity, start, start.plusMillis(TimeBuckets.size(granularity)),
                    updated.count());
            context.forward(new Record<>(key, stats, start.toEpochMilli()));
        }
        String day = TimeBuckets.balanceKey(match.polarity(), TimeBuckets.start(Granularity.DAY, match.publishedAt()));
        ThemeCount balance = counts.get(day);
        counts.put(day, balance == null ? ThemeCount.first(match) : balance.plus(match));
    }

    private void exclude(Record<String, CountedMatch> record) {
        ThemeCount current = counts.get(EXCLUDED_KEY);
        counts.put(EXCLUDED_KEY, new ThemeCount(Polarity.MIXED,
                current == null ? 1 : current.count() + 1, null, null, 0, null, null, false));
        excluded.record();
        CountedMatch match = record.value();
        LOG.warn("Match of theme {} not counted in the statistics: publication time {} is outside years 0001-9999",
                record.key(), match == null ? "missing" : match.publishedAt());
    }

    @Override
    public void close() {
        context.metrics().removeSensor(excluded);
    }
}
