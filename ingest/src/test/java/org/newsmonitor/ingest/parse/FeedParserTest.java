package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.newsmonitor.ingest.Fixtures;

class FeedParserTest {

    @Test
    void shouldReadRss20WithDcContentAndMediaNamespaces() throws Exception {
        // Given an RSS 2.0 feed with HTML in title and description and content:encoded
        byte[] body = Fixtures.bytes("rss20_namespaces.xml");
        // When
        ParsedFeed feed = Fixtures.parse(body, "application/rss+xml", URI.create("https://hbd.example/feed.xml"));
        // Then
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Harbin Business Daily & Wire");
        assertThat(feed.language()).isEqualTo("en-us");
        assertThat(feed.items()).hasSize(2);
        ParsedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Heihe bridge freight doubles in first quarter");
        assertThat(first.guid()).isEqualTo("hbd-2025-0042");
        assertThat(first.summary()).contains("Amur road bridge").contains("soybeans & timber").doesNotContain("alert")
                .doesNotContain("<");
        assertThat(first.content()).startsWith("Trucks crossing the Amur road bridge between Blagoveshchensk");
        assertThat(first.categories()).containsExactly("Trade", "Far East");
        assertThat(first.publishedText()).isEqualTo("Tue, 08 Apr 2025 09:30:00 +0800");
        ParsedItem second = feed.items().get(1);
        assertThat(second.publishedText()).isEqualTo("2025-04-07T18:00:00+03:00");
        assertThat(second.summary()).isEqualTo("Plain description with an entity: café.");
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheFinalFeedUrl() throws Exception {
        // Given a relative item link and a feed reached through a redirect
        URI finalUrl = URI.create("https://www.hbd.example/rss/all.xml");
        // When
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("rss20_namespaces.xml"), null, finalUrl);
        // Then
        assertThat(feed.items().get(1).link()).isEqualTo("https://www.hbd.example/news/relative-story");
    }

    @Test
    void shouldParseRss091WithTheNetscapeDoctypeAndHtmlEntities() throws Exception {
        // Given an old RSS 0.91 feed carrying the public Netscape DOCTYPE and &eacute; entities
        byte[] body = Fixtures.bytes("rss091_netscape.xml");
        // When
        ParsedFeed feed = Fixtures.parse(body, null, null);
        // Then
        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Café talks on the Amur — a détente of sorts");
            assertThat(item.link()).isEqualTo("http://olddesk.example/1999/amur.html");
        });
    }

    @Test
    void shouldParseRss090() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("rss090.xml"), null, null);
        assertThat(feed.format()).isEqualTo("rss_0.9");
        assertThat(feed.items()).extracting(ParsedItem::title)
                .containsExactly("First headline of the old channel", "Second headline of the old channel");
    }

    @Test
    void shouldParseRss10RdfWithDcDates() throws Exception {
        // Given an RSS 1.0 feed with dc:date (one with microseconds)
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("rss10_rdf.xml"), null, null);
        // Then the raw dates are kept as written, so microseconds cannot shift the time
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).guid()).isEqualTo("https://steppe.example/analysis/corridor");
        assertThat(feed.items().get(0).publishedText()).isEqualTo("2025-02-11T06:45:10.123456Z");
        assertThat(feed.items().get(0).categories()).containsExactly("Transport");
    }

    @Test
    void shouldResolveAtomLinksThroughXmlBaseOnFeedAndEntry() throws Exception {
        // Given an Atom feed with xml:base on the feed and a different one on an entry
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("atom10_xmlbase.xml"), null,
                URI.create("https://energy.example/feeds/atom.xml"));
        // Then
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.items().get(0).link()).isEqualTo("https://energy.example/news/2025/05/gas-talks");
        assertThat(feed.items().get(0).title()).isEqualTo("Gas price talks resume");
        assertThat(feed.items().get(0).content()).contains("price formula").contains("No date was set.");
        assertThat(feed.items().get(0).publishedText()).isEqualTo("2025-05-14T07:30:00+03:00");
        assertThat(feed.items().get(0).updatedText()).isEqualTo("2025-05-14T09:00:00Z");
        assertThat(feed.items().get(1).link()).isEqualTo("https://energy.example/archive/item-7.html");
        assertThat(feed.items().get(1).publishedText()).isNull();
        assertThat(feed.items().get(1).updatedText()).isEqualTo("2025-05-13T12:00:00Z");
    }

    @Test
    void shouldParseAtom03WithIssuedDates() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("atom03.xml"), null, null);
        assertThat(feed.format()).isEqualTo("atom_0.3");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.publishedText()).isEqualTo("2024-12-01T09:00:00+09:00");
            assertThat(item.link()).isEqualTo("https://legacy.example/border");
        });
    }

    @Test
    void shouldDeclareWellKnownPrefixesAFeedForgotToDeclare() throws Exception {
        // Given a feed using dc: and media: without declaring them
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("undeclared_known_prefix.xml"), null, null);
        // Then it parses
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title)
                .isEqualTo("Item with undeclared dc and media");
    }

    @Test
    void shouldKeepItemsWithoutIdsOrLinksAndARepeatedGuidOnceInItsLastVersion() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("no_ids.xml"), null, null);
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).guid()).isNull();
        assertThat(feed.items().get(0).link()).isNull();
        assertThat(feed.items().get(1).guid()).isEqualTo("local-77");
        assertThat(feed.items().get(1).title()).isEqualTo("Duplicate guid");
    }

    @Test
    void shouldCleanControlCharactersAndBidiOverrides() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("control_chars.xml"), null, null);
        assertThat(feed.items().get(0).title()).isEqualTo("Bell and null in title");
        assertThat(feed.items().get(0).summary()).isEqualTo("evil text");
    }

    @Test
    void shouldDropAnEntirelyEmptyItem() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Quay</title><link>https://quay.example/</link>"
                + "<description>d</description><item></item><item><title> </title><description/></item>"
                + "<item><title>Ferry timetable changes</title></item></channel></rss>";
        ParsedFeed feed = Fixtures.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.items()).extracting(ParsedItem::title).containsExactly("Ferry timetable changes");
    }

    @Test
    void shouldKeepAnItemRepeatedInOneDocumentOnceInItsLastVersion() throws Exception {
        // Given a corrected repeat by guid, an exact repeat by link (no guid) and an item in between
        String xml = "<rss version=\"2.0\"><channel><title>Quay</title><link>https://quay.example/</link>"
                + "<description>d</description>"
                + "<item><guid>quay-1</guid><title>Ferry delayed by fgo</title><description>Fog</description></item>"
                + "<item><title>Crane out of service</title><link>https://quay.example/crane</link></item>"
                + "<item><title>Pier lights</title><link>https://quay.example/lights</link></item>"
                + "<item><guid>quay-1</guid><title>Ferry delayed by fog</title><description>Fog, two hours</description>"
                + "</item><item><title>Crane out of service</title><link>https://quay.example/crane</link></item>"
                + "</channel></rss>";
        // When
        ParsedFeed feed = Fixtures.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        // Then one of each, the corrected text wins
        assertThat(feed.items()).extracting(ParsedItem::title)
                .containsExactly("Pier lights", "Ferry delayed by fog", "Crane out of service");
        assertThat(feed.items().get(1).summary()).isEqualTo("Fog, two hours");
    }
}
