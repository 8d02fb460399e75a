package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ill-formed feeds that lenient readers accept: each is read, and says what was repaired. */
class FeedRecoveryTest {
    private static final FeedParser PARSER = FeedParser.withDefaultLimit();
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static String rss(String items) {
        return "<rss version=\"2.0\"><channel><title>Harbour news</title><link>https://harbour.example/</link>"
                + "<description>Port and shipping notes</description>" + items + "</channel></rss>";
    }

    private static ParsedFeed parse(String xml) throws FeedParseException {
        return PARSER.parse(xml.getBytes(StandardCharsets.UTF_8), null, "recovery-test");
    }

    @Test
    void shouldDecodeHtmlNamedEntitiesThatXmlDoesNotDeclare() throws Exception {
        // Given a Russian-style title full of HTML entities, and an HTML5-only entity in the description
        ParsedFeed feed = parse(DECLARATION + rss("<item><title>Порт&nbsp;&laquo;Восточный&raquo;&nbsp;&mdash; "
                + "рекорд&hellip;</title><link>https://harbour.example/1</link>"
                + "<description>Cargo &rarr; rail &NotEqualTilde; road &frac12;</description></item>"));
        // Then the entities are characters and the feed says it needed repairs
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Порт «Восточный» — рекорд…");
            assertThat(item.summary()).isEqualTo("Cargo → rail \u2242\u0338 road ½");
        });
        assertThat(feed.recoveries()).containsExactly(Recovery.HTML_ENTITIES);
    }

    @Test
    void shouldReadABareAmpersandInTextAndInALinkAsItself() throws Exception {
        ParsedFeed feed = parse(DECLARATION + rss("<item><title>Ropes & anchors sale</title>"
                + "<link>https://harbour.example/item?id=4&amp;ref=rss&utm=feed</link>"
                + "<description>Fish &chips; tonight & tomorrow</description></item>"));
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Ropes & anchors sale");
            assertThat(item.link()).isEqualTo("https://harbour.example/item?id=4&ref=rss&utm=feed");
            assertThat(item.summary()).isEqualTo("Fish &chips; tonight & tomorrow");
        });
        assertThat(feed.recoveries()).containsExactly(Recovery.BARE_AMPERSAND, Recovery.UNKNOWN_ENTITY);
    }

    @Test
    void shouldDeclareUndeclaredPrefixesKnownAndUnknown() throws Exception {
        ParsedFeed feed = parse(DECLARATION + rss("<item><title>Tide tables</title>"
                + "<link>https://harbour.example/tides</link><itunes:author>Harbour desk</itunes:author>"
                + "<media:thumbnail url=\"https://harbour.example/t.jpg\"/><harbour:berth>7</harbour:berth>"
                + "<dc:creator>Pilot office</dc:creator></item>"));
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Tide tables");
        assertThat(feed.recoveries()).containsExactly(Recovery.UNDECLARED_PREFIX);
    }

    @Test
    void shouldAcceptWhitespaceBeforeTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("\n\n   " + DECLARATION + rss("<item><title>Fog warning</title></item>"));
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Fog warning");
        assertThat(feed.recoveries()).containsExactly(Recovery.MISPLACED_XML_DECLARATION);
    }

    @Test
    void shouldAcceptAProcessingInstructionBeforeTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>" + DECLARATION
                + rss("<item><title>Crane repaired</title></item>"));
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Crane repaired");
        assertThat(feed.recoveries()).containsExactly(Recovery.MISPLACED_XML_DECLARATION);
    }

    @Test
    void shouldCloseACdataSectionLeftOpenAtTheEnd() throws Exception {
        // Given a document cut off inside the last item's CDATA description
        String xml = DECLARATION + "<rss version=\"2.0\"><channel><title>Harbour news</title>"
                + "<link>https://harbour.example/</link><description>d</description>"
                + "<item><title>First ship</title><link>https://harbour.example/1</link></item>"
                + "<item><title>Second ship</title><link>https://harbour.example/2</link>"
                + "<description><![CDATA[<p>The second ship docked at";
        // When
        ParsedFeed feed = parse(xml);
        // Then both items are read, the second with the text that arrived
        assertThat(feed.items()).extracting(ParsedItem::title).containsExactly("First ship", "Second ship");
        assertThat(feed.items().get(1).summary()).isEqualTo("The second ship docked at");
        assertThat(feed.recoveries()).containsExactly(Recovery.UNCLOSED_CDATA);
    }

    @Test
    void shouldDropAStrayEndTagAndCloseElementsLeftOpenInsideAClosedOne() throws Exception {
        ParsedFeed feed = parse(DECLARATION + rss("<image><url>https://harbour.example/logo.png</url></height></image>"
                + "<item><title>Lock closed</title><description>Until <b>noon</description></item>"));
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Lock closed");
            assertThat(item.summary()).isEqualTo("Until noon");
        });
        assertThat(feed.recoveries()).containsExactly(Recovery.UNBALANCED_TAGS);
    }

    @Test
    void shouldRestoreTheLostBracketOfTheLastEndTag() throws Exception {
        String xml = DECLARATION + rss("<item><title>Last call</title></item>");
        ParsedFeed feed = parse(xml.substring(0, xml.lastIndexOf('>')) + "\n");
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Last call");
        assertThat(feed.recoveries()).containsExactly(Recovery.UNBALANCED_TAGS);
    }

    @Test
    void shouldReadAFeedBehindAnHtmlDoctypeButStillRefuseAnHtmlPage() throws Exception {
        String doctype = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n";
        ParsedFeed feed = parse(DECLARATION + doctype + rss("<item><title>Copied template</title></item>"));
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Copied template");
        assertThat(feed.recoveries()).containsExactly(Recovery.DOCTYPE_IGNORED);
        assertThatThrownBy(() -> parse(DECLARATION + doctype + "<html><body><p>Harbour</p></body></html>"))
                .hasMessage("not a feed (HTML page)");
    }

    @Test
    void shouldReadRss091WithTheNetscapeDoctypeWithoutFetchingTheDtd() throws Exception {
        String xml = DECLARATION + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel>"
                + "<title>Harbour news</title><link>https://harbour.example/</link><description>d</description>"
                + "<language>en</language><item><title>Caf&eacute; opens on pier</title>"
                + "<link>https://harbour.example/cafe</link></item></channel></rss>";
        ParsedFeed feed = parse(xml);
        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title).isEqualTo("Café opens on pier");
        assertThat(feed.recoveries()).containsExactly(Recovery.DOCTYPE_IGNORED, Recovery.HTML_ENTITIES);
    }

    @Test
    void shouldIgnoreAnotherPublicDoctypeWithoutInternalSubset() throws Exception {
        String xml = DECLARATION + "<!DOCTYPE rss PUBLIC \"-//Harbour Authority//DTD Notices 1.0//EN\">\n"
                + rss("<item><title>Notice to mariners</title></item>");
        assertThat(parse(xml).items()).singleElement().extracting(ParsedItem::title).isEqualTo("Notice to mariners");
    }

    @Test
    void shouldStillRefuseInternalSubsetsAndSystemDtds() {
        String internal = DECLARATION + "<!DOCTYPE rss [<!ENTITY dock SYSTEM \"file:///etc/hostname\">]>\n"
                + rss("<item><title>&dock;</title></item>");
        String system = DECLARATION + "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/harbour.dtd\">\n"
                + rss("<item><title>x</title></item>");
        assertThatThrownBy(() -> parse(internal)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE not allowed (an internal subset");
        assertThatThrownBy(() -> parse(system)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE not allowed (it names its DTD by a system identifier only");
    }

    @Test
    void shouldDropOrReplaceCharacterReferencesToForbiddenCharacters() throws Exception {
        ParsedFeed feed = parse(DECLARATION + rss("<item><title>Bell&#7; rings&#x0; twice &#1078; &#x110000; "
                + "&#55296;</title></item>"));
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title)
                .isEqualTo("Bell rings twice ж \uFFFD \uFFFD");
        assertThat(feed.recoveries()).containsExactly(Recovery.INVALID_CHARACTER_REFERENCE);
    }

    @Test
    void shouldLeaveAWellFormedFeedUntouchedAndUnmarked() throws Exception {
        String xml = DECLARATION + rss("<item><title>Tom &amp; Jerry &lt;3 &#169;</title>"
                + "<description><![CDATA[Fish & chips &nbsp; <b>bold</b>]]></description></item>");
        ParsedFeed feed = parse(xml);
        assertThat(feed.recoveries()).isEmpty();
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Tom & Jerry <3 ©");
            assertThat(item.summary()).isEqualTo("Fish & chips bold");
        });
    }
}
