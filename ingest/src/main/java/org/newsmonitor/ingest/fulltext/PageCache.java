package org.newsmonitor.ingest.fulltext;

import java.util.LinkedHashMap;
import java.util.Map;
import org.newsmonitor.ingest.fetch.Validators;

/**
 * The validators and extracted text of recently fetched article pages, so that a page fetched again (the same
 * article in another feed, or an item fetched again after Kafka refused it) is asked for with a conditional GET and a
 * 304 reuses the text. Least recently used pages are forgotten first. Thread-safe.
 */
final class PageCache {
    private final Map<String, Cached> pages;

    /** @param capacity pages remembered */
    PageCache(int capacity) {
        this.pages = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A page's validators and text. */
    record Cached(Validators validators, String text) {
    }

    synchronized Cached get(String url) {
        return pages.get(url);
    }

    /** Remembers a page; pages without validators are not remembered (they cannot be asked for conditionally). */
    synchronized void put(String url, Validators validators, String text) {
        if (validators.etag() != null || validators.lastModified() != null) {
            pages.put(url, new Cached(validators, text));
        }
    }
}
