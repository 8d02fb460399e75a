package org.newsmonitor.ingest.parse;

import java.util.List;

/**
 * A parsed feed document.
 *
 * @param format         Rome's feed type, e.g. "rss_2.0", "atom_1.0", "rss_1.0"
 * @param title          feed title; may be empty, never null
 * @param link           the site link; may be null
 * @param language       feed language (RSS language, xml:lang, dc:language); may be null
 * @param items          entries in document order; never null
 * @param charset        name of the charset the bytes were read in
 * @param encodingErrors true when invalid bytes were replaced by U+FFFD
 * @param itemsDropped   entries beyond {@link FeedParser#MAX_ITEMS} that were ignored
 * @param recoveries     {@link Recovery} names of the repairs the document needed, sorted; empty for a well-formed
 *                       feed whose charset was declared or UTF-8
 * @param hubs           WebSub hubs the document advertises ({@code <link rel="hub">} or {@code <atom:link
 *                       rel="hub">} at feed or channel level), absolute, in document order; never null
 * @param self           the feed's own URL as the document names it ({@code rel="self"}); may be null
 */
public record ParsedFeed(String format, String title, String link, String language, List<ParsedItem> items,
        String charset, boolean encodingErrors, int itemsDropped, List<String> recoveries, List<String> hubs,
        String self) {

    public ParsedFeed {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
    }

    /** A feed that advertises no hub and no self link. */
    public ParsedFeed(String format, String title, String link, String language, List<ParsedItem> items,
            String charset, boolean encodingErrors, int itemsDropped, List<String> recoveries) {
        this(format, title, link, language, items, charset, encodingErrors, itemsDropped, recoveries, List.of(), null);
    }

    /** True when the document needed a repair or a charset guess to be read. */
    public boolean recovered() {
        return !recoveries.isEmpty();
    }
}
