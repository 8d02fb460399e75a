package org.newsmonitor.stream.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the hourly counts of each theme and emits a {@link SurgeEvent} (keyed by theme id) the first time an hour's
 * count satisfies the {@link SurgeRule} against the hours before it, for hours the {@link SurgeHorizon} calls current.
 * The hour's bucket in the count store remembers that it was reported, so a growing surge is reported once. The
 * record timestamp of a surge is the wall-clock time of detection: {@code news-theme-surges} is kept for a time, and
 * that time runs from when the surge was written.
 */
public final class SurgeProcessor implements Processor<String, ThemeStatsEvent, String, SurgeEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SurgeProcessor.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final String countStoreName;
    private final SurgeRule rule;
    private final SurgeHorizon horizon;
    private ProcessorContext<String, SurgeEvent> context;
    private KeyValueStore<String, ThemeCount> counts;

    /**
     * @param countStoreName the key-value count store of {@link CountMatchesProcessor}
     * @param rule           when an hour is a surge
     * @param horizon        which hours are judged
     */
    public SurgeProcessor(String countStoreName, SurgeRule rule, SurgeHorizon horizon) {
        this.countStoreName = countStoreName;
        this.rule = rule;
        this.horizon = horizon;
    }

    @Override
    public void init(ProcessorContext<String, SurgeEvent> context) {
        this.context = context;
        this.counts = context.getStateStore(countStoreName);
    }

    @Override
    public void process(Record<String, ThemeStatsEvent> record) {
        ThemeStatsEvent stats = record.value();
        if (stats == null || stats.granularity() != Granularity.HOUR) {
            return;
        }
        long start = stats.windowStart().toEpochMilli();
        long now = context.currentSystemTimeMs();
        if (!horizon.judges(start, now)) {
            return;
        }
        String key = stats.key();
        ThemeCount hour = counts.get(key);
        if (hour == null || hour.surgeReported()) {
            return;
        }
        long previousTotal = previousTotal(stats.themeId(), start);
        rule.evaluate(hour.count(), previousTotal).ifPresent(surge -> {
            counts.put(key, hour.reported());
            SurgeEvent event = new SurgeEvent(SurgeEvent.CURRENT_VERSION, stats.themeId(), stats.windowStart(),
                    stats.windowEnd(), surge.count(), surge.baseline(), surge.ratio(), Instant.ofEpochMilli(now),
                    hour.themeTitle(), hour.themeRevision(), hour.lowestScore(), hour.sources(), hour.languages());
            LOG.info("Surge in theme {} at {}: {} matches, baseline {} per hour", stats.themeId(),
                    event.windowStart(), surge.count(), String.format(Locale.ROOT, "%.2f", surge.baseline()));
            context.forward(new Record<>(stats.themeId(), event, now));
        });
    }

    private long previousTotal(String themeId, long start) {
        Instant from = Instant.ofEpochMilli(start - rule.baselineHours() * HOUR);
        Instant to = Instant.ofEpochMilli(start - HOUR);
        if (!TimeBuckets.countable(from)) {
            return 0;
        }
        long total = 0;
        try (KeyValueIterator<String, ThemeCount> previous = counts.range(
                TimeBuckets.themeKey(themeId, Granularity.HOUR, from),
                TimeBuckets.themeKey(themeId, Granularity.HOUR, to))) {
            while (previous.hasNext()) {
                KeyValue<String, ThemeCount> hour = previous.next();
                total += hour.value == null ? 0 : hour.value.count();
            }
        }
        return total;
    }
}
