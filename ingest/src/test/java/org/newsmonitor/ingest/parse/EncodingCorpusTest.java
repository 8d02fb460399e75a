package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmonitor.ingest.Fixtures;

class EncodingCorpusTest {
    private static final String RUSSIAN_TITLE = "Газопровод \"Сила Сибири 2\": переговоры продолжаются";

    @ParameterizedTest(name = "{0} with Content-Type ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "windows1251.xml                 | none                              | windows-1251",
        "windows1251.xml                 | application/rss+xml                | windows-1251",
        "koi8r.xml                       | none                              | KOI8-R",
        "utf16le_bom.xml                 | none                              | UTF-16LE",
        "bom_whitespace.xml              | text/xml                          | UTF-8",
        "mislabelled_1251_as_latin1.xml  | text/xml; charset=windows-1251    | windows-1251",
        "windows1251.xml                 | text/xml; charset=\"Windows-1251\" | windows-1251"})
    void shouldDecodeCyrillicFeedsFromBomHeaderOrDeclaration(String fixture, String contentType, String charset)
            throws Exception {
        // When
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes(fixture), contentType, null);
        // Then
        assertThat(feed.charset()).isEqualTo(charset);
        assertThat(feed.encodingErrors()).isFalse();
        assertThat(feed.title()).isEqualTo("Северный вестник");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo(RUSSIAN_TITLE);
            assertThat(item.summary()).isEqualTo("Стороны обсудили цену поставок.");
        });
    }

    @Test
    void shouldDecodeGb2312AsItsGbkSuperset() throws Exception {
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("gb2312.xml"), "application/xml", null);
        assertThat(feed.charset()).isEqualTo("GB18030");
        assertThat(feed.items()).singleElement().extracting(ParsedItem::title)
                .isEqualTo("中俄能源合作：西伯利亚力量管道供气量创新高");
    }

    @Test
    void shouldReplaceInvalidUtf8AndFlagIt() throws Exception {
        // Given a feed declared UTF-8 with invalid bytes in a title
        ParsedFeed feed = Fixtures.parse(Fixtures.bytes("invalid_utf8.xml"), null, null);
        // Then the bad bytes become U+FFFD and the feed says so
        assertThat(feed.encodingErrors()).isTrue();
        assertThat(feed.items().get(0).title()).isEqualTo("Caf\uFFFD au lait \uFFFD\uFFFD ok");
    }

    @Test
    void shouldNotLetAServerDefaultLatin1OverrideAValidUtf8Document() {
        // Given a UTF-8 document served with the common server default charset
        byte[] body = Fixtures.bytes("bom_whitespace.xml");
        byte[] withoutBom = java.util.Arrays.copyOfRange(body, 3, body.length);
        // When
        DecodedText text = CharsetSniffer.decode(withoutBom, "ISO-8859-1");
        // Then
        assertThat(text.charset().name()).isEqualTo("UTF-8");
        assertThat(text.text()).contains("Северный вестник");
    }
}
