package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainTextExtractorTest {

    @Test
    void shouldFindTheEnglishBodyAmongNavigationRelatedLinksCommentsCookieBannerAndPaywallTeaser() throws Exception {
        // Given a news page whose article sits among a menu, a cookie banner, related stories, a paywall box,
        // comments, a sidebar and a footer
        Document page = Pages.document("en-article.html");
        // When its main text is extracted
        MainText main = MainTextExtractor.extract(page, null);
        // Then it holds every paragraph of the article, and nothing of the furniture around it
        assertThat(main.text())
                .contains("Freight trains crossing the Amur river bridge")
                .contains("customs inspections remain the slowest part")
                .contains("volatile since the spring")
                .doesNotContain("We use cookies", "Related stories", "New customs terminal", "Subscribe today",
                        "Interesting numbers", "Most read", "All rights reserved", "Business", "Injected promo",
                        "Sign up for our morning briefing");
        // and paragraphs stay apart
        assertThat(main.text().lines().filter(l -> !l.isBlank()).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldFindTheRussianBodyOfADivLayoutInItsDeclaredCharset() throws Exception {
        // Given a Russian page in windows-1251 (declared only in its meta tag), laid out in divs without <article>
        Document page = Pages.document("ru-article.html");
        // When
        MainText main = MainTextExtractor.extract(page, null);
        // Then the body is found and decoded, without the banner, menu, read-also links, paywall and comments
        assertThat(main.text())
                .contains("Пассажирская паромная переправа между Благовещенском и Хэйхэ")
                .contains("канатной дороги через реку")
                .doesNotContain("файлы cookie", "Главная", "Читайте также", "оформите подписку", "Наконец-то",
                        "Самое читаемое", "ссылка на издание обязательна");
        assertThat(main.method()).isEqualTo("scored");
    }

    @Test
    void shouldFindTheChineseBody() throws Exception {
        // Given a Chinese page with navigation, breadcrumbs, cookie bar, paywall, related news and comments
        Document page = Pages.document("zh-article.html");
        // When
        MainText main = MainTextExtractor.extract(page, null);
        // Then
        assertThat(main.text())
                .contains("满洲里口岸进出口货运量同比增长百分之十八")
                .contains("国际市场价格波动带来的影响")
                .doesNotContain("首页", "Cookie", "订阅会员", "相关新闻", "网友评论", "热门排行", "版权所有");
    }

    @Test
    void shouldUseTheFeedsSelectorWhenTheGenericExtractionWouldPickTheWrongBlock() throws Exception {
        // Given a page whose reader notes (in a block named nothing telling) outweigh the short story
        Document page = Pages.document("selector-article.html");
        // When extracted without and with the feed's selector
        MainText generic = MainTextExtractor.extract(page, null);
        MainText chosen = MainTextExtractor.extract(page, "div.s7");
        // Then the generic extraction is fooled, and the selector takes exactly the story
        assertThat(generic.text()).contains("Reader note");
        assertThat(chosen.method()).isEqualTo("selector");
        assertThat(chosen.text()).contains("Sculptors worked for three weeks").doesNotContain("Reader note");
    }

    @Test
    void shouldFallBackToTheGenericExtractionWhenTheSelectorMatchesNothing() throws Exception {
        MainText main = MainTextExtractor.extract(Pages.document("en-article.html"), "div.no-such-class");
        assertThat(main.method()).isEqualTo("scored");
        assertThat(main.text()).contains("Freight trains crossing");
    }

    @Test
    void shouldPreferSchemaOrgArticleBodyMarkup() throws Exception {
        Document page = Jsoup.parse("<html><body><div class='promo'><p>Buy our annual pass and save a lot of money "
                + "on every trip, every day, every week.</p></div><div itemprop='articleBody'><p>The ferry sails at "
                + "nine.</p></div></body></html>");
        MainText main = MainTextExtractor.extract(page, null);
        assertThat(main.method()).isEqualTo("article-body");
        assertThat(main.text()).isEqualTo("The ferry sails at nine.");
    }

    @Test
    void shouldRefuseAPageNestedTooDeepQuickly() {
        // Given a page of 20,000 nested elements
        Document page = Jsoup.parse(Pages.nested(20_000));
        // When / Then it is refused as hostile, within a second or so rather than by a stack overflow
        long start = System.nanoTime();
        assertThatThrownBy(() -> MainTextExtractor.extract(page, null)).isInstanceOf(HostilePageException.class)
                .hasMessageContaining("nested");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadAPageNestedWithinTheLimit() throws Exception {
        Document page = Jsoup.parse(Pages.nested(100));
        assertThat(MainTextExtractor.extract(page, null).text()).isEqualTo("deep text");
    }

    @Test
    void shouldFindNoTextOnAPageThatOnlyWritesItWithScripts() throws Exception {
        Document page = Jsoup.parse("<html><head><script>document.write('<p>' + atob('c2VjcmV0') + '</p>')</script>"
                + "</head><body><noscript>Please enable JavaScript to read this article.</noscript>"
                + "<script>render({body: 'The whole story lives in this script'})</script></body></html>");
        assertThat(MainTextExtractor.extract(page, null)).isEqualTo(MainText.NONE);
    }
}
