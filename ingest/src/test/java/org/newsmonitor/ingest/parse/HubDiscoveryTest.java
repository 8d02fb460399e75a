package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** WebSub discovery: the hub and self links a feed document advertises. */
class HubDiscoveryTest {
    private final FeedParser parser = FeedParser.withDefaultLimit();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "test",
                URI.create("https://news.example/feeds/main.xml"));
    }

    @Test
    void shouldFindHubAndSelfInAtom() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
                  <link rel="hub" href="https://hub.example/"/>
                  <link rel="self" href="/feeds/main.xml"/>
                  <link rel="alternate" href="https://news.example/"/>
                  <entry><id>urn:1</id><title>One</title><updated>2026-01-01T00:00:00Z</updated></entry>
                </feed>""");
        assertThat(feed.hubs()).containsExactly("https://hub.example/");
        assertThat(feed.self()).isEqualTo("https://news.example/feeds/main.xml");
        assertThat(feed.items()).hasSize(1);
    }

    @Test
    void shouldFindAtomLinksAndPlainLinksWithRelInRss() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
                  <link>https://news.example/</link><description>d</description>
                  <atom:link rel="hub" href="https://pubsubhubbub.example/"/>
                  <link rel="hub" href="https://second-hub.example/"/>
                  <atom:link rel="self" type="application/rss+xml" href="https://news.example/rss"/>
                  <item><title>One</title><link>https://news.example/1</link></item>
                </channel></rss>""");
        assertThat(feed.hubs()).containsExactly("https://pubsubhubbub.example/", "https://second-hub.example/");
        assertThat(feed.self()).isEqualTo("https://news.example/rss");
        assertThat(feed.link()).isEqualTo("https://news.example/");
    }

    @Test
    void shouldFindNoHubInAFeedWithoutOneAndIgnoreItemLevelAndNonHttpLinks() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
                  <link rel="hub" href="javascript:alert(1)"/>
                  <entry><id>urn:1</id><title>One</title><link rel="hub" href="https://item-hub.example/"/>
                    <updated>2026-01-01T00:00:00Z</updated></entry>
                </feed>""");
        assertThat(feed.hubs()).isEmpty();
        assertThat(feed.self()).isNull();
    }
}
