package org.newsmonitor.stream.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme set in force, as a global state store fed by the compacted {@code news-themes} topic. Each record is
 * compiled when it arrives, with the lexicon it carries (or the fallback lexicon when it carries none): a valid
 * theme replaces the previous version, a tombstone removes the theme, and a theme
 * that does not compile (or cannot be read) is reported in {@link #statuses()} and in the log while its previous
 * valid version stays in force. The store keeps compiled themes in memory and is rebuilt from the topic on every
 * start (the topic is its changelog), through the same code path.
 *
 * <p>Written by the global stream thread only; read by processing threads and interactive queries through the
 * immutable {@link ThemeCatalogSnapshot} and status copies.
 */
public final class ThemeCatalogStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeCatalogStore.class);

    private final String name;
    private final PublishedLexicons lexicons;
    private final JsonSerde<ThemeDefinition> serde = Topics.THEMES.valueSerde();
    private final SortedMap<String, Active> active = new TreeMap<>();
    private final Map<String, ThemeStatus> statuses = new ConcurrentHashMap<>();
    private volatile ThemeCatalogSnapshot snapshot = ThemeCatalogSnapshot.EMPTY;
    private volatile boolean open;

    /**
     * @param name    the store name
     * @param lexicon the named term lists the rules of themes published without their own lexicon may refer to
     */
    public ThemeCatalogStore(String name, Lexicon lexicon) {
        this.name = name;
        this.lexicons = new PublishedLexicons(lexicon);
    }

    /** The themes in force now; never null. */
    public ThemeCatalogSnapshot snapshot() {
        return snapshot;
    }

    /** Theme id to the status of its latest version, ordered by id; never null. */
    public SortedMap<String, ThemeStatus> statuses() {
        return new TreeMap<>(statuses);
    }

    /**
     * Applies one record of {@code news-themes}.
     *
     * @param themeId the record key; a null key is logged and ignored
     * @param value   the raw value; null is a tombstone
     */
    public synchronized void apply(String themeId, byte[] value) {
        if (themeId == null || themeId.isBlank()) {
            LOG.warn("Ignored a record without a theme id on {}", Topics.THEMES.name());
            return;
        }
        if (value == null) {
            boolean removed = active.remove(themeId) != null;
            statuses.remove(themeId);
            if (removed) {
                publish();
            }
            LOG.info("Theme '{}' removed (tombstone on {})", themeId, Topics.THEMES.name());
            return;
        }
        ThemeDefinition definition;
        try {
            definition = serde.deserialize(Topics.THEMES.name(), value);
        } catch (SerializationException e) {
            refuse(themeId, -1, "theme '" + themeId + "' cannot be read: " + e.getMessage(), 0, 0);
            return;
        }
        if (!definition.id().equals(themeId)) {
            refuse(themeId, definition.revision(), "theme '" + themeId + "': the record key does not match its id '"
                    + definition.id() + "'", 0, 0);
            return;
        }
        try {
            CompiledTheme compiled = CompiledTheme.compile(ThemeDefinitions.toSpec(definition),
                    lexicons.forDefinition(definition));
            active.put(themeId, new Active(definition.revision(), compiled));
            statuses.put(themeId, ThemeStatus.ok(themeId, definition.revision()));
            publish();
            LOG.info("Theme '{}' revision {} in force", themeId, definition.revision());
        } catch (ThemeSyntaxException e) {
            refuse(themeId, definition.revision(), e.getMessage(), e.line(), e.column());
        } catch (RuntimeException e) {
            refuse(themeId, definition.revision(), "theme '" + themeId + "' cannot be compiled: " + e, 0, 0);
        }
    }

    private void refuse(String themeId, int revision, String error, int line, int column) {
        Active previous = active.get(themeId);
        int activeRevision = previous == null ? -1 : previous.revision();
        statuses.put(themeId, new ThemeStatus(themeId, false, activeRevision, error, line, column));
        LOG.warn("Theme '{}' revision {} refused, {}: {}", themeId, revision,
                previous == null ? "theme not in force" : "revision " + activeRevision + " stays in force", error);
    }

    private void publish() {
        ArrayList<CompiledTheme> themes = new ArrayList<>();
        active.values().forEach(a -> themes.add(a.compiled()));
        snapshot = new ThemeCatalogSnapshot(snapshot.generation() + 1, themes);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> apply(key == null ? null : new String(key, StandardCharsets.UTF_8),
                value));
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private record Active(int revision, CompiledTheme compiled) {
    }
}
