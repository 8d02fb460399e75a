package org.newsmonitor.ingest.fulltext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The local article pages under test resources {@code pages/}. */
final class Pages {
    private Pages() {
    }

    /** The bytes of {@code pages/name}. */
    static byte[] bytes(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test page " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pages/name} parsed as a browser would, its charset from the page. */
    static Document document(String name) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes(name)), null, "https://news.example/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of {@code depth} nested elements around one paragraph. */
    static String nested(int depth) {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(depth)).append("<p>deep text</p>").append("</div>".repeat(depth));
        return html.append("</body></html>").toString();
    }
}
