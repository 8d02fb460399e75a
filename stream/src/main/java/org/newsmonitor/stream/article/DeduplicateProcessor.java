package org.newsmonitor.stream.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first copy of each article id through and drops repeats (an ingester restart, a replay of the same
 * archive). Ids live in a key-value store (id to the wall-clock time first seen) for the {@link DedupWindow}'s
 * retention; a wall-clock punctuation purges forgotten ids so the store stays bounded.
 *
 * @param <V> what arrives for each article; the topology passes only articles that matched a theme, so that the
 *            many that match nothing cost no store write
 */
public final class DeduplicateProcessor<V> implements FixedKeyProcessor<String, V, V> {
    private static final Logger LOG = LoggerFactory.getLogger(DeduplicateProcessor.class);

    private final String storeName;
    private final DedupWindow window;
    private final Function<V, String> idOf;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, Long> seen;

    /**
     * @param storeName the key-value store of seen ids (id to first-seen epoch millis)
     * @param window    how long ids are remembered
     * @param idOf      the article id of a value
     */
    public DeduplicateProcessor(String storeName, DedupWindow window, Function<V, String> idOf) {
        this.storeName = storeName;
        this.window = window;
        this.idOf = idOf;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(window.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String id = idOf.apply(record.value());
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
