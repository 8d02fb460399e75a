package org.newsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.newsmonitor.ingest.parse.CharsetSniffer;
import org.newsmonitor.ingest.parse.FeedParseException;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.parse.ParsedFeed;

/** Reads the feed fixtures under src/test/resources/feeds/. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of feeds/{@code name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a body as the poller does: the charset from a Content-Type, relative links against {@code base}, the
     * default size cap.
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI base) throws FeedParseException {
        return FeedParser.withDefaultLimit().parse(body, CharsetSniffer.httpCharset(contentType), "test body", base);
    }

    /** The UTF-8 text of feeds/{@code name}. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
