package org.newsmonitor.ingest.normalize;

import java.time.ZoneId;
import java.util.List;

/**
 * What the mapper needs to know about the feed an item came from.
 *
 * @param feedId      feed id (key of the feed-state topic); never blank
 * @param source      human name of the publisher; may be null (the feed title is used)
 * @param language    configured language; may be null (the feed's or a guess is used)
 * @param tags        configured tags; never null
 * @param defaultZone zone for dates written without one; never null
 */
public record FeedContext(String feedId, String source, String language, List<String> tags, ZoneId defaultZone) {

    public FeedContext {
        if (feedId == null || feedId.isBlank()) {
            throw new IllegalArgumentException("feedId must not be blank");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        defaultZone = defaultZone == null ? ZoneId.of("UTC") : defaultZone;
    }
}
