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
        assertThatThrownBy(() -> Fixtures.parse(Fixtures.bytes(fixture), null, null))
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
        assertThatThrownBy(() -> Fixtures.parse(xml.toString().getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nesting deeper than " + SafeXmlReader.MAX_DEPTH);
    }

    @Test
    void shouldRefuseFiftyThousandLevelsOfNestingWithAClearError() {
        // Given 50,000 nested elements, first under the root and then as the root itself
        String underRoot = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<x>".repeat(50_000) + "</x>".repeat(50_000) + "</channel></rss>";
        String asRoot = "<x>".repeat(50_000) + "</x>".repeat(50_000);
        // Then both are refused with the limit named, and no StackOverflowError escapes
        for (String xml : new String[] {underRoot, asRoot}) {
            assertThatThrownBy(() -> Fixtures.parse(xml.getBytes(StandardCharsets.UTF_8), null, null))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageStartingWith("nesting deeper than " + SafeXmlReader.MAX_DEPTH + " elements at line 1");
        }
    }

    @Test
    void shouldRefuseTwoHundredThousandMismatchedTagsQuickly() {
        // Given 200,000 open elements closed by 200,000 end tags of another name (a worst case for tag matching)
        String xml = "<rss version=\"2.0\"><channel>" + "<a>".repeat(200_000) + "</b>".repeat(200_000)
                + "</channel></rss>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        // When / Then refused in well under the time of a poll
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> Fixtures.parse(body, null, null))
                        .isInstanceOf(FeedParseException.class)
                        .hasMessageStartingWith("nesting deeper than"));
    }

    @Test
    void shouldRefuseADocumentLargerThanTheSizeCap() throws Exception {
        // Given a parser capped at 4 KiB and a valid feed of about 5 KiB
        FeedParser parser = new FeedParser(4096);
        String items = "<item><title>Dock report</title><description>" + "w".repeat(5000) + "</description></item>";
        byte[] big = ("<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] small = "<rss version=\"2.0\"><channel><title>t</title><item><title>ok</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        // Then the big one is refused before any parsing, naming both sizes, and the small one is read
        assertThatThrownBy(() -> parser.parse(big, null, "big.xml"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("document of " + big.length + " bytes is larger than the limit of 4096 bytes");
        assertThat(parser.parse(small, null, "small.xml").items()).hasSize(1);
        assertThat(FeedParser.withDefaultLimit().maxDocumentBytes())
                .isEqualTo(org.newsmonitor.ingest.fetch.HttpLimits.defaults().maxBodyBytes());
    }

    @Test
    void shouldRefuseAFeedFileOverTheCapFromItsSizeAndReadOneUnderIt(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        FeedParser parser = new FeedParser(2048);
        java.nio.file.Path big = java.nio.file.Files.write(dir.resolve("big.xml"), new byte[3000]);
        java.nio.file.Path small = java.nio.file.Files.write(dir.resolve("small.xml"), Fixtures.bytes("rss090.xml"));
        assertThatThrownBy(() -> parser.parseFile(big, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("document of 3000 bytes is larger than the limit of 2048 bytes");
        assertThatThrownBy(() -> parser.parseFile(dir.resolve("missing.xml"), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("cannot read the file: NoSuchFileException");
        assertThat(parser.parseFile(small, null).items()).isNotEmpty();
    }

    @Test
    void shouldSayAnXhtmlPageWithADoctypeAndEntitiesIsNotAFeed() {
        byte[] page = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC "
                + "\"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Harbour&nbsp;home</title></head>"
                + "<body><p>Welcome</p></body></html>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Fixtures.parse(page, "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (HTML page)");
    }

    @Test
    void shouldKeepAnItemWithDeeplyNestedHtmlInItsDescription() throws Exception {
        // Given 20,000 nested divs inside a CDATA description
        String html = "<div>".repeat(20_000) + "deep text" + "</div>".repeat(20_000);
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://deep.example/</link>"
                + "<description>d</description><item><title>Deep</title><link>https://deep.example/1</link>"
                + "<description><![CDATA[" + html + "]]></description></item></channel></rss>";
        // When
        ParsedFeed feed = Fixtures.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        // Then
        assertThat(feed.items()).singleElement().extracting(ParsedItem::summary).isEqualTo("deep text");
    }

    @Test
    void shouldSayAnHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> Fixtures.parse(Fixtures.bytes("html_page.html"), "application/rss+xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (HTML page)");
    }

    @Test
    void shouldSayAnXhtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> Fixtures.parse(Fixtures.bytes("xhtml_page.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (XHTML page)");
    }

    @Test
    void shouldSayOtherXmlIsNotAFeed() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Fixtures.parse(svg, null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a feed (root element <svg>");
    }

    @Test
    void shouldRefuseATruncatedDocumentWithItsPosition() {
        assertThatThrownBy(() -> Fixtures.parse(Fixtures.bytes("truncated.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("malformed XML: ")
                .hasMessageContaining("at line 4");
    }

    @Test
    void shouldRefuseEmptyBomOnlyAndNonXmlBodies() {
        assertThatThrownBy(() -> Fixtures.parse(new byte[0], null, null)).hasMessage("empty body");
        assertThatThrownBy(() -> Fixtures.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}, null,
                null)).hasMessage("empty document");
        assertThatThrownBy(() -> Fixtures.parse(Fixtures.bytes("not_xml.txt"), null, null))
                .hasMessageStartingWith("not a feed");
    }
}
