package org.newsmonitor.stream.stats;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the hourly counts of each theme and emits a {@link SurgeEvent} (keyed by theme id) the first time an
 * hour's count satisfies the {@link SurgeRule} against the hours before it. Hours already reported are remembered
 * in a window store (key theme id, timestamp window start) so a growing surge is reported once.
 */
public final class SurgeProcessor implements Processor<Windowed<String>, ThemeCount, String, SurgeEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SurgeProcessor.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final String hourlyStoreName;
    private final String surgeStoreName;
    private final SurgeRule rule;
    private ProcessorContext<String, SurgeEvent> context;
    private WindowStore<String, ValueAndTimestamp<ThemeCount>> hourly;
    private WindowStore<String, Long> reported;

    /**
     * @param hourlyStoreName the hourly count store of the windowed aggregation
     * @param surgeStoreName  window store of reported surges (theme id, window start) to count at report
     * @param rule            when an hour is a surge
     */
    public SurgeProcessor(String hourlyStoreName, String surgeStoreName, SurgeRule rule) {
        this.hourlyStoreName = hourlyStoreName;
        this.surgeStoreName = surgeStoreName;
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, SurgeEvent> context) {
        this.context = context;
        this.hourly = context.getStateStore(hourlyStoreName);
        this.reported = context.getStateStore(surgeStoreName);
    }

    @Override
    public void process(Record<Windowed<String>, ThemeCount> record) {
        if (record.value() == null) {
            return;
        }
        String themeId = record.key().key();
        long start = record.key().window().start();
        if (reported.fetch(themeId, start) != null) {
            return;
        }
        long previousTotal = 0;
        Instant from = Instant.ofEpochMilli(Math.max(0, start - rule.baselineHours() * HOUR));
        Instant to = Instant.ofEpochMilli(start - 1);
        if (start > 0) {
            try (KeyValueIterator<Long, ValueAndTimestamp<ThemeCount>> previous = hourly.fetch(themeId, from, to)) {
                while (previous.hasNext()) {
                    ValueAndTimestamp<ThemeCount> count = previous.next().value;
                    previousTotal += count == null ? 0 : count.value().count();
                }
            }
        }
        rule.evaluate(record.value().count(), previousTotal).ifPresent(surge -> {
            reported.put(themeId, surge.count(), start);
            SurgeEvent event = new SurgeEvent(SurgeEvent.CURRENT_VERSION, themeId, Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(record.key().window().end()), surge.count(), surge.baseline(), surge.ratio(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            LOG.info("Surge in theme {} at {}: {} matches, baseline {} per hour", themeId, event.windowStart(),
                    surge.count(), String.format(java.util.Locale.ROOT, "%.2f", surge.baseline()));
            context.forward(new Record<>(themeId, event, start));
        });
    }
}
