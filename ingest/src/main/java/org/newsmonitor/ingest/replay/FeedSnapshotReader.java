package org.newsmonitor.ingest.replay;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.newsmonitor.ingest.feed.FeedIds;
import org.newsmonitor.ingest.normalize.ArticleMapper;
import org.newsmonitor.ingest.normalize.FeedContext;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.CharsetSniffer;
import org.newsmonitor.ingest.parse.FeedParseException;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.parse.ParsedFeed;

/**
 * One archived feed document to articles. The feed id comes from the feed's own site link (so snapshots of one feed
 * taken at different times share it), else from the file name; the source is the feed title.
 */
final class FeedSnapshotReader {
    private FeedSnapshotReader() {
    }

    /**
     * Reads a feed snapshot.
     *
     * @param parser     the feed parser, with the configured size cap
     * @param where      path (and record) for messages
     * @param body       the decoded document bytes
     * @param contentType Content-Type when known (WARC); may be null
     * @param base       URL the document was captured from; may be null
     * @param capturedAt when the snapshot was taken, the first-seen time of undated items
     * @param fallbackId name to derive a feed id from when the feed has no link
     * @param sink       receives articles or the failure
     * @return number of items read
     */
    static int read(FeedParser parser, String where, byte[] body, String contentType, URI base, Instant capturedAt, String fallbackId,
            ArchiveSink sink) {
        ParsedFeed feed;
        try {
            feed = parser.parse(body, CharsetSniffer.httpCharset(contentType), where, base);
        } catch (FeedParseException e) {
            sink.failure(new ReplayFailure(where, e.getMessage()));
            return 0;
        }
        FeedContext context = new FeedContext(feedId(feed, base, fallbackId), feed.title(), feed.language(), List.of(),
                ZoneId.of("UTC"));
        List<MappedArticle> articles = ArticleMapper.map(feed, context, capturedAt);
        articles.forEach(sink::article);
        return articles.size();
    }

    private static String feedId(ParsedFeed feed, URI base, String fallback) {
        try {
            if (feed.link() != null) {
                return FeedIds.fromUrl(URI.create(feed.link()));
            }
        } catch (IllegalArgumentException e) {
            // fall back below
        }
        if (base != null && base.getHost() != null) {
            return FeedIds.fromUrl(base);
        }
        return archiveFeedId(fallback);
    }

    /** The feed id of articles from an archive that names no feed: "archive-" and a slug of {@code name}. */
    static String archiveFeedId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return "archive-" + (slug.isEmpty() ? "feed" : slug.length() > 80 ? slug.substring(0, 80) : slug);
    }
}
