package org.newsmonitor.stream.catalog;

import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.themes.Lexicon;

/**
 * Builds {@link ThemeCatalogStore}s. As a global store it has no changelog (the themes topic is one) and no cache.
 */
public final class ThemeCatalogStoreBuilder implements StoreBuilder<ThemeCatalogStore> {
    private final String name;
    private final Lexicon lexicon;
    private final DeadLetterSink deadLetters;

    /**
     * @param name        the store name
     * @param lexicon     the named term lists the themes' rules may refer to
     * @param deadLetters where records the store cannot read go; thread-safe
     */
    public ThemeCatalogStoreBuilder(String name, Lexicon lexicon, DeadLetterSink deadLetters) {
        this.name = name;
        this.lexicon = lexicon;
        this.deadLetters = deadLetters;
    }

    @Override
    public StoreBuilder<ThemeCatalogStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<ThemeCatalogStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<ThemeCatalogStore> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("the theme catalog is restored from the themes topic, not a changelog");
    }

    @Override
    public StoreBuilder<ThemeCatalogStore> withLoggingDisabled() {
        return this;
    }

    @Override
    public ThemeCatalogStore build() {
        return new ThemeCatalogStore(name, lexicon, deadLetters);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
