package org.newsmonitor.stream.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.TopicReader;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.matching.PublishedLexicons;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.stream.global.TopicFedStore;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme set in force, as a global state store fed by the compacted {@code news-themes} topic. Each record is
 * compiled when it arrives, with the lexicon it carries (or the fallback lexicon when it carries none): a valid
 * theme replaces the previous version, a tombstone removes the theme, and a theme that does not compile is reported
 * in {@link #statuses()} and in the log while its previous valid version stays in force. A record that cannot be
 * read (malformed, beyond the parser's limits, invalid, or keyed differently from its theme id) is also
 * dead-lettered to {@code news-dead-letters} through the store's sink: nothing read from the topic can throw into
 * the global stream thread, neither while restoring at start-up nor afterwards. The store keeps compiled themes in
 * memory and is rebuilt from the topic on every
 * start (the topic is its changelog), through the same code path.
 *
 * <p>Written by the global stream thread only; read by processing threads and interactive queries through the
 * immutable {@link ThemeCatalogSnapshot} and status copies.
 */
public final class ThemeCatalogStore extends TopicFedStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeCatalogStore.class);
    /** The stage named in the catalog's dead letters. */
    public static final String STAGE = "stream.theme-catalog";

    private final PublishedLexicons lexicons;
    private final TopicReader<ThemeDefinition> reader;
    /** Why the record being read could not be, for its status; set on the global thread only. */
    private String unreadable;
    private final SortedMap<String, Active> active = new TreeMap<>();
    private final Map<String, ThemeStatus> statuses = new ConcurrentHashMap<>();
    private volatile ThemeCatalogSnapshot snapshot = ThemeCatalogSnapshot.EMPTY;

    /**
     * @param name    the store name
     * @param lexicon     the named term lists the rules of themes published without their own lexicon may refer to
     * @param deadLetters where records that cannot be read go; thread-safe
     */
    public ThemeCatalogStore(String name, Lexicon lexicon, DeadLetterSink deadLetters) {
        super(name);
        this.lexicons = new PublishedLexicons(lexicon);
        this.reader = new TopicReader<>(Topics.THEMES, STAGE, (event, error) -> {
            unreadable = event.reason();
            deadLetters.publish(event, error);
        }, Clock.systemUTC());
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
     * Applies one record of {@code news-themes} read while restoring (no position known).
     *
     * @param themeId the record key; a null key is logged and ignored
     * @param value   the raw value; null is a tombstone
     */
    public void apply(String themeId, byte[] value) {
        apply(themeId, value, -1, -1L);
    }

    /**
     * Applies one record of {@code news-themes}. Never throws: a record that cannot be read or is keyed differently
     * from its theme id is dead-lettered and reported in {@link #statuses()}; a theme that does not compile is
     * reported there, and the previous valid version of either stays in force.
     *
     * @param themeId   the record key; a null key is dead-lettered
     * @param value     the raw value; null is a tombstone
     * @param partition the source partition, or -1
     * @param offset    the source offset, or -1
     */
    @Override
    public synchronized void apply(String themeId, byte[] value, int partition, long offset) {
        if (!reader.read(themeId, value, partition, offset, this::take) && themeId != null) {
            refuse(themeId, -1, "theme '" + themeId + "' cannot be read: " + unreadable, 0, 0);
        }
    }

    private void take(String themeId, ThemeDefinition definition) {
        unreadable = null;
        if (themeId == null || themeId.isBlank()) {
            unreadable = "the record has no theme id as its key";
            throw new IllegalArgumentException("Refused a record on topic '" + Topics.THEMES.name()
                    + "' without a theme id as its key");
        }
        if (definition == null) {
            boolean removed = active.remove(themeId) != null;
            statuses.remove(themeId);
            if (removed) {
                publish();
            }
            LOG.info("Theme '{}' removed (tombstone on {})", themeId, Topics.THEMES.name());
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

    private record Active(int revision, CompiledTheme compiled) {
    }
}
