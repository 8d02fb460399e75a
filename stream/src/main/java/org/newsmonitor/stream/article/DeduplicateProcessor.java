package org.newsmonitor.stream.article;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first copy of each article id through and drops repeats (an ingester restart, a replay of the same
 * archive). Ids live in a key-value store (id to the wall-clock time first seen) for the {@link DedupWindow}'s
 * retention; a wall-clock punctuation purges forgotten ids so the store stays bounded.
 */
public final class DeduplicateProcessor implements FixedKeyProcessor<String, ArticleEvent, ArticleEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DeduplicateProcessor.class);

    private final String storeName;
    private final DedupWindow window;
    private FixedKeyProcessorContext<String, ArticleEvent> context;
    private KeyValueStore<String, Long> seen;

    /**
     * @param storeName the key-value store of seen ids (id to first-seen epoch millis)
     * @param window    how long ids are remembered
     */
    public DeduplicateProcessor(String storeName, DedupWindow window) {
        this.storeName = storeName;
        this.window = window;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(window.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, ArticleEvent> record) {
        String id = record.value().id();
        long now = context.currentSystemTimeMs();
        Long firstSeen = seen.get(id);
        if (firstSeen != null && window.remembers(firstSeen, now)) {
            LOG.debug("Dropped duplicate article {} (first seen at {})", id, firstSeen);
            return;
        }
        seen.put(id, now);
        context.forward(record);
    }

    private void purge(long now) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (!window.remembers(entry.value, now)) {
                    forgotten.add(entry.key);
                }
            }
        }
        forgotten.forEach(seen::delete);
        if (!forgotten.isEmpty()) {
            LOG.debug("Forgot {} article ids older than {}", forgotten.size(), window.retention());
        }
    }
}
