package org.newsmonitor.stream.global;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds {@link TopicFedStore}s. As a global store it has no changelog (its topic is one) and no cache.
 *
 * @param <S> the store type
 */
public final class TopicFedStoreBuilder<S extends TopicFedStore> implements StoreBuilder<S> {
    private final String name;
    private final Supplier<S> stores;

    /**
     * @param name   the store name
     * @param stores makes a new store of that name
     */
    public TopicFedStoreBuilder(String name, Supplier<S> stores) {
        this.name = name;
        this.stores = stores;
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("store '" + name + "' is restored from its topic, not a changelog");
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        return this;
    }

    @Override
    public S build() {
        return stores.get();
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
