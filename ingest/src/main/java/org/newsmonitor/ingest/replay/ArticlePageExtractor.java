package org.newsmonitor.ingest.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.feed.FeedIds;
import org.newsmonitor.ingest.fulltext.MainTextExtractor;
import org.newsmonitor.ingest.normalize.ArticleFlags;
import org.newsmonitor.ingest.normalize.ArticleIds;
import org.newsmonitor.ingest.normalize.ArticleMapper;
import org.newsmonitor.ingest.normalize.DateParser;
import org.newsmonitor.ingest.normalize.FeedDate;
import org.newsmonitor.ingest.normalize.LanguageGuess;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.normalize.TextCleaner;
import org.newsmonitor.ingest.normalize.UrlCanonicalizer;
import org.newsmonitor.themes.TextLimits;

/**
 * An archived article page reduced to title and text: the title from og:title or {@code <title>}, the text as the
 * live ingester reads an article page ({@link MainTextExtractor}: the body among navigation, related links,
 * comments, banners), the publication time from the page's metadata or
 * {@code <time>}, else the capture time; the link from rel=canonical, else the captured URL.
 */
final class ArticlePageExtractor {
    private ArticlePageExtractor() {
    }

    /**
     * Extracts an article.
     *
     * @param html       page bytes
     * @param charset    charset from the Content-Type; null to let the page's meta tag decide
     * @param target     captured URL
     * @param capturedAt capture time (WARC-Date)
     * @return the article, or null when the page has neither a title nor text
     * @throws IOException when the bytes cannot be decoded
     */
    static MappedArticle extract(byte[] html, String charset, URI target, Instant capturedAt) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(html), charset, target.toString());
        String title = first(meta(doc, "property", "og:title"), meta(doc, "name", "twitter:title"), doc.title(),
                text(doc.selectFirst("h1")));
        String text = MainTextExtractor.articleText(doc);
        if ((title == null || title.isBlank()) && text.isBlank()) {
            return null;
        }
        String description = first(meta(doc, "name", "description"), meta(doc, "property", "og:description"));
        Set<String> flags = new LinkedHashSet<>();
        String summary = description != null ? TextCleaner.clean(description) : TextLimits.truncate(text, 500);
        String canonical = UrlCanonicalizer.canonical(first(doc.select("link[rel=canonical]").attr("abs:href"),
                target.toString()));
        String url = canonical != null ? canonical : UrlCanonicalizer.canonical(target.toString());
        Instant published = publishedAt(doc, capturedAt, flags);
        String language = LanguageGuess.primary(doc.select("html").attr("lang"));
        String host = target.getHost() == null ? "page" : target.getHost();
        String source = first(meta(doc, "property", "og:site_name"), host);
        String id = url != null ? ArticleIds.ofUrl(url) : ArticleIds.of(null, host, null, title, text);
        String cleanTitle = TextCleaner.oneLine(title == null ? "" : title);
        if (TextLimits.exceeds(text, TextLimits.MAX_CONTENT) || TextLimits.exceeds(cleanTitle, TextLimits.MAX_TITLE)) {
            flags.add(ArticleFlags.TRUNCATED);
        }
        ArticleEvent event = ArticleEvent.of(id, "warc-" + FeedIds.fromUrl(URI.create("http://" + host + "/")),
                source, url, TextLimits.truncate(cleanTitle, TextLimits.MAX_TITLE),
                TextLimits.truncate(summary, TextLimits.MAX_SUMMARY),
                text.isBlank() ? null : TextLimits.truncate(text, TextLimits.MAX_CONTENT), language, published,
                capturedAt, List.of()).withText(text.isBlank() ? null : TextLimits.truncate(text,
                TextLimits.MAX_CONTENT), ArticleEvent.TEXT_PAGE);
        return ArticleMapper.normalize(event, flags);
    }

    private static Instant publishedAt(Document doc, Instant capturedAt, Set<String> flags) {
        String raw = first(meta(doc, "property", "article:published_time"), meta(doc, "itemprop", "datePublished"),
                meta(doc, "name", "date"), doc.select("[itemprop=datePublished]").attr("datetime"),
                doc.select("time[datetime]").attr("datetime"));
        FeedDate date = DateParser.parse(raw, ZoneId.of("UTC"));
        if (date == null) {
            flags.add(raw == null ? ArticleFlags.DATE_MISSING : ArticleFlags.DATE_UNPARSEABLE);
            return capturedAt;
        }
        Instant instant = date.instant();
        if (instant.isBefore(ArticleMapper.EARLIEST_PLAUSIBLE) || instant.isAfter(capturedAt.plus(
                ArticleMapper.FUTURE_TOLERANCE))) {
            flags.add(ArticleFlags.DATE_IMPLAUSIBLE);
            return capturedAt;
        }
        return instant;
    }

    private static String meta(Document doc, String attribute, String value) {
        Element e = doc.selectFirst("meta[" + attribute + "=" + value + "]");
        return e == null ? null : e.attr("content");
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
