package org.newsmonitor.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * One feed to poll.
 *
 * @param id       stable feed id, the key of its state on the feed-state topic
 * @param url      the feed URL (http or https)
 * @param title    human name, used as the article source; never null
 * @param language BCP 47 language of the feed, e.g. "ru"; may be null
 * @param tags     tags copied onto every article; never null
 * @param interval    time between polls of a fixed-interval feed; for an adaptive feed, the interval used until it
 *                    has enough publication history
 * @param timeZone    zone for dates written without one (e.g. Europe/Moscow for a Russian agency); never null
 * @param minInterval an adaptive feed's floor: never polled more often; null for a fixed-interval feed
 * @param maxInterval an adaptive feed's ceiling: never polled less often; null for a fixed-interval feed
 * @param fullText    whether teaser items get their text from the article page, and a CSS selector for the body;
 *                    never null ({@link FullTextOption#AUTO} when not given)
 */
public record FeedDefinition(String id, URI url, String title, String language, List<String> tags, Duration interval,
        ZoneId timeZone, Duration minInterval, Duration maxInterval, FullTextOption fullText) {
    /** Default polling interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    /** Shortest polling interval accepted. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Floor of an adaptive feed that names none. */
    public static final Duration DEFAULT_FLOOR = Duration.ofMinutes(2);
    /** Ceiling of an adaptive feed that names none. */
    public static final Duration DEFAULT_CEILING = Duration.ofHours(3);

    public FeedDefinition {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("feed id must be 1-100 lower-case letters, digits, '.', '_' or '-', was '"
                    + id + "'");
        }
        if (url == null || url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            throw new IllegalArgumentException("feed " + id + ": url must be an absolute http(s) URL, was '" + url + "'");
        }
        title = title == null || title.isBlank() ? url.getHost() : title.strip();
        language = language == null || language.isBlank() ? null : language.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("feed " + id + ": interval must be at least 1 s, was " + interval);
        }
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        if ((minInterval == null) != (maxInterval == null)) {
            throw new IllegalArgumentException("feed " + id + ": minInterval and maxInterval are both set (adaptive) or "
                    + "both absent (fixed interval)");
        }
        if (minInterval != null) {
            if (minInterval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("feed " + id + ": minInterval must be at least 1 s, was "
                        + minInterval);
            }
            if (maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("feed " + id + ": maxInterval (" + maxInterval
                        + ") is shorter than minInterval (" + minInterval + ")");
            }
        }
        fullText = fullText == null ? FullTextOption.AUTO : fullText;
    }

    /** A feed with the default full-text handling ({@link FullTextOption#AUTO}). */
    public FeedDefinition(String id, URI url, String title, String language, List<String> tags, Duration interval,
            ZoneId timeZone, Duration minInterval, Duration maxInterval) {
        this(id, url, title, language, tags, interval, timeZone, minInterval, maxInterval, FullTextOption.AUTO);
    }

    /** A feed polled at the fixed {@code interval} (the default interval when null), as before adaptive polling. */
    public FeedDefinition(String id, URI url, String title, String language, List<String> tags, Duration interval,
            ZoneId timeZone) {
        this(id, url, title, language, tags, interval, timeZone, null, null);
    }

    /** True when the interval follows the feed's publication history between the floor and the ceiling. */
    public boolean adaptive() {
        return minInterval != null;
    }
}
