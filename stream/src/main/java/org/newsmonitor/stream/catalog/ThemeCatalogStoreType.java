package org.newsmonitor.stream.catalog;

import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/** Lets interactive queries reach the {@link ThemeCatalogStore} of a running application. */
public final class ThemeCatalogStoreType implements QueryableStoreType<ThemeCatalogStore> {
    @Override
    public boolean accepts(StateStore stateStore) {
        return stateStore instanceof ThemeCatalogStore;
    }

    @Override
    public ThemeCatalogStore create(StateStoreProvider provider, String storeName) {
        List<ThemeCatalogStore> stores = provider.stores(storeName, this);
        if (stores.isEmpty()) {
            throw new InvalidStateStoreException("Theme catalog store '" + storeName + "' is not available yet");
        }
        return stores.get(0);
    }
}
