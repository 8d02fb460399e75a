package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.ingest.Fixtures;

class HostileXmlTest {

    @ParameterizedTest
    @ValueSource(strings = {"xxe_file.xml", "xxe_external_dtd.xml", "xxe_oob.xml", "billion_laughs.xml",
        "quadratic_blowup.xml"})
    void shouldRefuseDocumentsWithADoctype(String fixture) {
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes(fixture), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE not allowed");
    }

    @Test
    void shouldRefuseDeepNestingWithoutStackOverflow() {
        // Given 5,000 nested elements inside an item
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>");
        xml.append("<d>".repeat(5000)).append("</d>".repeat(5000));
        xml.append("</item></channel></rss>");
        // When / Then: a parse error, not a StackOverflowError
        assertThatThrownBy(() -> FeedParser.parse(xml.toString().getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nesting deeper than " + SafeXmlReader.MAX_DEPTH);
    }

    @Test
    void shouldKeepAnItemWithDeeplyNestedHtmlInItsDescription() throws Exception {
        // Given 20,000 nested divs inside a CDATA description
        String html = "<div>".repeat(20_000) + "deep text" + "</div>".repeat(20_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://deep.example/</link>"
                + "<description>d</description><item><title>Deep</title><link>https://deep.example/1</link>"
                + "<description><![CDATA[" + html + "]]></description></item></channel></rss>";
        // When
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        // Then
        assertThat(feed.items()).singleElement().extracting(ParsedItem::summary).isEqualTo("deep text");
    }

    @Test
    void shouldSayAnHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes("html_page.html"), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (HTML page)");
    }

    @Test
    void shouldSayAnXhtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes("xhtml_page.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (XHTML page)");
    }

    @Test
    void shouldSayOtherXmlIsNotAFeed() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeedParser.parse(svg, null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a feed (root element <svg>");
    }

    @Test
    void shouldReportAnUnknownUndeclaredPrefixAsANamespaceErrorWithPosition() {
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes("undeclared_unknown_prefix.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("namespace error: ")
                .hasMessageContaining("foo")
                .hasMessageContaining("at line 3, column");
    }

    @Test
    void shouldRefuseATruncatedDocumentWithItsPosition() {
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes("truncated.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("malformed XML: ")
                .hasMessageContaining("at line 4");
    }

    @Test
    void shouldRefuseEmptyBomOnlyAndNonXmlBodies() {
        assertThatThrownBy(() -> FeedParser.parse(new byte[0], null, null)).hasMessage("empty body");
        assertThatThrownBy(() -> FeedParser.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}, null,
                null)).hasMessage("empty document");
        assertThatThrownBy(() -> FeedParser.parse(Fixtures.bytes("not_xml.txt"), null, null))
                .hasMessageStartingWith("not a feed");
    }
}
