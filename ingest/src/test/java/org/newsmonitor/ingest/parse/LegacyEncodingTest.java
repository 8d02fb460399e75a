package org.newsmonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Feeds in legacy code pages that name no charset anywhere: the charset is detected from the bytes. */
class LegacyEncodingTest {
    private static final FeedParser PARSER = FeedParser.withDefaultLimit();

    private static final String RUSSIAN_TITLE = "Новый мост через Амур открыт для грузовиков";
    private static final String RUSSIAN_TEXT = "Первые машины с углём и лесом прошли по мосту утром. "
            + "Таможня обещает оформлять грузы быстрее, чем на пароме, а перевозчики ждут снижения тарифов.";
    private static final String SIMPLIFIED_TITLE = "黑河大桥开始通行货车";
    private static final String SIMPLIFIED_TEXT = "第一批运送煤炭和木材的货车今天早上通过大桥。海关表示办理手续的速度将比轮渡更快，"
            + "运输公司希望运费能够下降。";
    private static final String TRADITIONAL_TITLE = "黑河大橋開始通行貨車";
    private static final String TRADITIONAL_TEXT = "第一批運送煤炭和木材的貨車今天早上通過大橋。海關表示辦理手續的速度將比輪渡更快，"
            + "運輸公司希望運費能夠下降。";
    private static final String JAPANESE_TITLE = "アムール川の新しい橋がトラックに開通";
    private static final String JAPANESE_TEXT = "石炭と木材を積んだ最初のトラックが今朝、橋を渡りました。税関は手続きがフェリーより"
            + "早くなると説明し、運送会社は運賃の値下げを期待しています。";

    private static byte[] feed(String title, String text, String charset, boolean declare) {
        String declaration = declare ? "<?xml version=\"1.0\" encoding=\"" + charset + "\"?>\n"
                : "<?xml version=\"1.0\"?>\n";
        String xml = declaration + "<rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<link>https://bridge.example/</link><description>" + text + "</description>"
                + "<item><title>" + title + "</title><link>https://bridge.example/1</link>"
                + "<description>" + text + "</description></item></channel></rss>";
        return xml.getBytes(Charset.forName(charset));
    }

    private static String title(String language) {
        return switch (language) {
            case "ru" -> RUSSIAN_TITLE;
            case "zh-Hans" -> SIMPLIFIED_TITLE;
            case "zh-Hant" -> TRADITIONAL_TITLE;
            default -> JAPANESE_TITLE;
        };
    }

    private static String text(String language) {
        return switch (language) {
            case "ru" -> RUSSIAN_TEXT;
            case "zh-Hans" -> SIMPLIFIED_TEXT;
            case "zh-Hant" -> TRADITIONAL_TEXT;
            default -> JAPANESE_TEXT;
        };
    }

    @ParameterizedTest(name = "{1} without a declaration is read as {2}")
    @CsvSource({
        "ru,      windows-1251, windows-1251",
        "ru,      KOI8-R,       KOI8-R",
        "zh-Hans, GB2312,       GB18030",
        "zh-Hans, GBK,          GB18030",
        "zh-Hant, Big5,         Big5",
        "ja,      Shift_JIS,    Shift_JIS"})
    void shouldDetectTheCharsetWhenNothingDeclaresIt(String language, String written, String read) throws Exception {
        // Given a feed written in a legacy charset, with an XML declaration naming none and no HTTP charset
        byte[] body = feed(title(language), text(language), written, false);
        // When
        ParsedFeed feed = PARSER.parse(body, null, "legacy-" + written + ".xml");
        // Then the text is right, the charset named, and the guess marked
        assertThat(feed.charset()).isEqualTo(read);
        assertThat(feed.encodingErrors()).isFalse();
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo(title(language));
            assertThat(item.summary()).isEqualTo(text(language));
        });
        assertThat(feed.recoveries()).containsExactly(Recovery.CHARSET_DETECTED);
    }

    @ParameterizedTest(name = "{0} declared in the XML declaration")
    @CsvSource({"windows-1251, windows-1251", "KOI8-R, KOI8-R", "Big5, Big5", "Shift_JIS, Shift_JIS"})
    void shouldPreferADeclarationTheBytesAgreeWith(String written, String read) throws Exception {
        String language = written.startsWith("Big5") ? "zh-Hant" : written.startsWith("Shift") ? "ja" : "ru";
        ParsedFeed feed = PARSER.parse(feed(title(language), text(language), written, true), null, "declared.xml");
        assertThat(feed.charset()).isEqualTo(read);
        assertThat(feed.recoveries()).isEmpty();
        assertThat(feed.items().get(0).title()).isEqualTo(title(language));
    }

    @Test
    void shouldPreferTheDeclaredCharsetPassedByTheCaller() throws Exception {
        // Given windows-1251 bytes and the caller saying so (an HTTP header, an operator's option)
        byte[] body = feed(RUSSIAN_TITLE, RUSSIAN_TEXT, "windows-1251", false);
        ParsedFeed feed = PARSER.parse(body, "cp1251", "declared-by-caller.xml");
        assertThat(feed.charset()).isEqualTo("windows-1251");
        assertThat(feed.recoveries()).isEmpty();
        assertThat(feed.title()).isEqualTo(RUSSIAN_TITLE);
    }

    @Test
    void shouldKeepReadingUndeclaredUtf8AsUtf8() throws Exception {
        byte[] body = feed(RUSSIAN_TITLE, RUSSIAN_TEXT, "UTF-8", false);
        ParsedFeed feed = PARSER.parse(body, null, "utf8.xml");
        assertThat(feed.charset()).isEqualTo(StandardCharsets.UTF_8.name());
        assertThat(feed.recoveries()).isEmpty();
        assertThat(feed.title()).isEqualTo(RUSSIAN_TITLE);
    }
}
