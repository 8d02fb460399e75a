package org.newsmonitor.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small RSS documents built in tests: item n links to https://test.example/items/n, dated n minutes after a base. */
public final class TestFeeds {
    private static final Instant BASE = Instant.parse("2025-06-01T00:00:00Z");

    private TestFeeds() {
    }

    /** An RSS 2.0 feed with items {@code from..to} inclusive, newest first as feeds usually are. */
    public static byte[] rss(int from, int to) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Test feed</title><link>https://test.example/</link><description>test</description>\n");
        for (int n = to; n >= from; n--) {
            xml.append("<item><title>Item ").append(n).append("</title><link>https://test.example/items/").append(n)
                    .append("?utm_source=rss</link><description>Text of item ").append(n).append(".</description><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(BASE.plusSeconds(60L * n).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical URL of item n. */
    public static String itemUrl(int n) {
        return "https://test.example/items/" + n;
    }
}
