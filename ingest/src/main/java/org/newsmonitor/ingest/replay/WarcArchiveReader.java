package org.newsmonitor.ingest.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.newsmonitor.ingest.fetch.BodyTooLargeException;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParser;

/**
 * WARC files (plain or gzipped) of archived feeds or article pages: every 200 response or resource record whose
 * payload is a feed becomes that feed's articles; an HTML page becomes one article (title and text). Other records
 * (requests, metadata, images, redirects) are passed over. A bad record is reported with its index; a file whose
 * structure breaks stops there, keeping what was read.
 */
final class WarcArchiveReader {
    private WarcArchiveReader() {
    }

    /**
     * Reads a WARC file.
     *
     * @param file     the file
     * @param maxBytes largest payload read from one record
     * @param parser   reads feed payloads (and applies the feed size cap)
     * @param sink     receives articles and failures
     * @return number of articles read
     */
    static int read(Path file, long maxBytes, FeedParser parser, ArchiveSink sink) {
        int count = 0;
        int index = 0;
        try (WarcReader reader = new WarcReader(file)) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                index++;
                String where = file + "#" + index;
                try {
                    count += record(next.get(), where, maxBytes, parser, sink);
                } catch (IOException | RuntimeException e) {
                    sink.unreadable(new ReplayFailure(where, "unreadable record: " + e.getMessage()), null);
                }
            }
        } catch (IOException | RuntimeException e) {
            sink.failure(new ReplayFailure(index == 0 ? file.toString() : file + "#" + (index + 1),
                    "not a readable WARC file: " + e.getMessage()));
        }
        return count;
    }

    private static int record(WarcRecord record, String where, long maxBytes, FeedParser parser, ArchiveSink sink)
            throws IOException {
        URI target;
        MediaType type;
        byte[] body;
        if (record instanceof WarcResponse response) {
            HttpResponse http;
            try {
                http = response.http();
            } catch (IOException e) {
                return 0; // not an HTTP capture (e.g. DNS, gemini)
            }
            if (http.status() != 200) {
                return 0;
            }
            target = response.targetURI();
            type = http.contentType();
            body = readCapped(http.bodyDecoded().stream(), maxBytes, where);
        } else if (record instanceof WarcResource resource) {
            target = resource.targetURI();
            type = resource.contentType();
            body = readCapped(resource.body().stream(), maxBytes, where);
        } else {
            return 0;
        }
        String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
        String charset = type == null ? null : type.parameters().get("charset");
        if (isFeed(base, body)) {
            return FeedSnapshotReader.read(parser, where, body, type == null ? null : type.toString(), target, record.date(),
                    target.getHost() == null ? "warc" : target.getHost(), sink);
        }
        if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
            MappedArticle article = ArticlePageExtractor.extract(body, charset, target, record.date());
            if (article != null) {
                sink.article(article);
                return 1;
            }
        }
        return 0;
    }

    private static boolean isFeed(String type, byte[] body) {
        if (type.contains("rss") || type.contains("atom") || type.contains("rdf")) {
            return true;
        }
        if (type.endsWith("/xml") || type.isEmpty() || type.equals("application/octet-stream")) {
            String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1);
            return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
        }
        return false;
    }

    private static byte[] readCapped(InputStream in, long maxBytes, String where) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (data.length > maxBytes) {
            throw new BodyTooLargeException("payload of " + where + " exceeds " + maxBytes + " bytes");
        }
        return data;
    }
}
