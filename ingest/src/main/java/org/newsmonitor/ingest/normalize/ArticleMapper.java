package org.newsmonitor.ingest.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.parse.ParsedItem;
import org.newsmonitor.themes.TextLimits;

/**
 * Parsed items to {@link ArticleEvent} records: canonical URL and stable id, publication time from published, then
 * updated, then first-seen (never from the JVM zone), clean and size-limited text, language and tags.
 */
public final class ArticleMapper {
    /** Dates before this are treated as broken (epoch zero, 1900…). */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1995-01-01T00:00:00Z");
    /** Clock skew tolerated before a future date is clamped to the first-seen time. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_LENGTH = 100;

    private ArticleMapper() {
    }

    /**
     * Maps every item of a feed, in document order.
     *
     * @param feed      the parsed feed; never null
     * @param context   the feed's settings; never null
     * @param firstSeen when the monitor saw the items (the fetch time); never null
     * @return articles, one per item; never null
     */
    public static List<MappedArticle> map(ParsedFeed feed, FeedContext context, Instant firstSeen) {
        List<MappedArticle> out = new ArrayList<>(feed.items().size());
        for (ParsedItem item : feed.items()) {
            out.add(map(item, feed, context, firstSeen));
        }
        return out;
    }

    /** Maps one item; see {@link #map(ParsedFeed, FeedContext, Instant)}. */
    public static MappedArticle map(ParsedItem item, ParsedFeed feed, FeedContext context, Instant firstSeen) {
        Set<String> flags = new LinkedHashSet<>();
        if (feed.encodingErrors()) {
            flags.add(ArticleFlags.ENCODING_ERRORS);
        }
        if (feed.recovered()) {
            flags.add(ArticleFlags.RECOVERED);
            feed.recoveries().forEach(reason -> flags.add(ArticleFlags.RECOVERED_PREFIX + reason));
        }
        String url = UrlCanonicalizer.canonical(item.link());
        String title = limited(TextCleaner.oneLine(item.title()), TextLimits.MAX_TITLE, flags);
        String summary = limited(TextCleaner.clean(item.summary()), TextLimits.MAX_SUMMARY, flags);
        String content = limited(TextCleaner.clean(item.content()), TextLimits.MAX_CONTENT, flags);
        String id = ArticleIds.of(url, context.feedId(), item.guid(), title, summary);
        Instant publishedAt = publishedAt(item, context, firstSeen, flags);
        String language = LanguageGuess.primary(item.language());
        if (language == null) {
            language = LanguageGuess.primary(context.language());
        }
        if (language == null) {
            language = LanguageGuess.primary(feed.language());
        }
        String source = context.source() != null && !context.source().isBlank() ? context.source() : feed.title();
        ArticleEvent event = ArticleEvent.of(id, context.feedId(), TextLimits.truncate(source, 200), url, title, summary,
                content, null, publishedAt, firstSeen, tags(context.tags(), item.categories()))
                .withText(content, ArticleEvent.TEXT_FEED);
        ArticleEvent withLanguage = withLanguage(event, language);
        return new MappedArticle(feed.recovered() ? withLanguage.asRecovered() : withLanguage, flags);
    }

    /**
     * An article that did not come from a feed document (a JSON Lines archive, a web page in a WARC file) made as
     * clean as a feed item: the same text cleaning (control and bidi-override characters dropped) and limits, the
     * link canonical and kept only when it is http(s), tags cleaned, the language declared or detected. The id is
     * kept as it is: an archive of the articles topic must replay under its own ids.
     *
     * @param event the article as read; never null
     * @param flags corrections already made while reading; never null
     * @return the article ready to publish, with the corrections made; never null
     */
    public static MappedArticle normalize(ArticleEvent event, Set<String> flags) {
        Set<String> corrections = new LinkedHashSet<>(flags);
        String title = limited(TextCleaner.oneLine(event.title()), TextLimits.MAX_TITLE, corrections);
        String summary = limited(TextCleaner.clean(event.summary()), TextLimits.MAX_SUMMARY, corrections);
        String content = limited(TextCleaner.clean(event.content()), TextLimits.MAX_CONTENT, corrections);
        String source = TextLimits.truncate(TextCleaner.oneLine(event.source()), 200);
        ArticleEvent clean = new ArticleEvent(event.schemaVersion(), event.id(), event.feedId(), source,
                UrlCanonicalizer.canonical(event.url()), title, summary, content, null, event.publishedAt(),
                event.fetchedAt(), tags(List.of(), event.tags())).withText(content, event.textSource());
        String language = LanguageGuess.primary(event.language());
        if (language != null && ArticleEvent.LANGUAGE_DETECTED.equals(event.languageSource())) {
            return new MappedArticle(clean.withLanguage(language, ArticleEvent.LANGUAGE_DETECTED), corrections);
        }
        return new MappedArticle(withLanguage(clean, language), corrections);
    }

    /**
     * {@code event} with its language: {@code declared} when the source named one (marked declared), otherwise the
     * language detected from title and summary (marked detected), otherwise unknown.
     *
     * @param event    the article; never null
     * @param declared the language the feed, item or archive named, as a primary subtag; may be null
     * @return never null
     */
    static ArticleEvent withLanguage(ArticleEvent event, String declared) {
        if (declared != null) {
            return event.withLanguage(declared, ArticleEvent.LANGUAGE_DECLARED);
        }
        String detected = LanguageGuess.detect(event.title() + "\n" + event.summary());
        return detected == null ? event.withLanguage(null, null)
                : event.withLanguage(detected, ArticleEvent.LANGUAGE_DETECTED);
    }

    /**
     * The publication time: published, else updated, else first-seen; future dates clamped, implausible ones replaced.
     */
    static Instant publishedAt(ParsedItem item, FeedContext context, Instant firstSeen, Set<String> flags) {
        boolean anyText = item.publishedText() != null || item.updatedText() != null;
        FeedDate date = DateParser.parse(item.publishedText(), context.defaultZone());
        if (date == null) {
            date = DateParser.parse(item.updatedText(), context.defaultZone());
        }
        Instant instant;
        if (date != null) {
            instant = date.instant();
            if (date.zoneAssumed()) {
                flags.add(ArticleFlags.DATE_ZONE_ASSUMED);
            }
        } else if (!anyText && (item.romePublished() != null || item.romeUpdated() != null)) {
            instant = item.romePublished() != null ? item.romePublished() : item.romeUpdated();
        } else {
            flags.add(anyText ? ArticleFlags.DATE_UNPARSEABLE : ArticleFlags.DATE_MISSING);
            return firstSeen;
        }
        if (instant.isBefore(EARLIEST_PLAUSIBLE)) {
            flags.add(ArticleFlags.DATE_IMPLAUSIBLE);
            return firstSeen;
        }
        if (instant.isAfter(firstSeen.plus(FUTURE_TOLERANCE))) {
            flags.add(ArticleFlags.DATE_FUTURE_CLAMPED);
            return firstSeen;
        }
        return instant;
    }

    private static List<String> tags(List<String> configured, List<String> categories) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : configured) {
            add(tags, t);
        }
        for (String c : categories) {
            add(tags, c);
        }
        return new ArrayList<>(tags);
    }

    private static void add(Set<String> tags, String tag) {
        String t = TextCleaner.oneLine(tag);
        if (t != null && !t.isBlank() && tags.size() < MAX_TAGS) {
            tags.add(TextLimits.truncate(t, MAX_TAG_LENGTH));
        }
    }

    private static String limited(String text, int max, Set<String> flags) {
        if (TextLimits.exceeds(text, max)) {
            flags.add(ArticleFlags.TRUNCATED);
            return TextLimits.truncate(text, max);
        }
        return text;
    }
}
