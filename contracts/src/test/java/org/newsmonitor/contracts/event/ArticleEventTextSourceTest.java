package org.newsmonitor.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.Topics;

class ArticleEventTextSourceTest {
    private static final ArticleEvent ARTICLE = ArticleEvent.of("a-1", "feed", "Feed", "https://news.example/a/1",
            "Title", "Teaser.", null, "en", Instant.parse("2025-06-01T12:00:00Z"), null, List.of());

    @Test
    void shouldCarryTheTextSourceThroughCopiesAndJson() {
        ArticleEvent page = ARTICLE.withText("The whole story.", ArticleEvent.TEXT_PAGE)
                .withLanguage("en", ArticleEvent.LANGUAGE_DECLARED).asRecovered();
        assertThat(page.textSource()).isEqualTo("page");
        assertThat(page.content()).isEqualTo("The whole story.");
        byte[] json = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), page);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"textSource\":\"page\"");
        assertThat(Topics.ARTICLES.valueSerde().deserializer().deserialize(Topics.ARTICLES.name(), json))
                .isEqualTo(page);
    }

    @Test
    void shouldReadAnOlderRecordWithoutTextSource() {
        String old = """
                {"schemaVersion":1,"id":"a-1","feedId":"feed","title":"T","summary":"S",
                 "publishedAt":"2025-06-01T12:00:00Z","tags":[]}
                """;
        ArticleEvent read = Topics.ARTICLES.valueSerde().deserializer().deserialize(Topics.ARTICLES.name(),
                old.getBytes(StandardCharsets.UTF_8));
        assertThat(read.textSource()).isNull();
    }

    @Test
    void shouldRefuseAnUnknownTextSource() {
        assertThatThrownBy(() -> ARTICLE.withText("x", "scraped")).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("textSource").hasMessageContaining("'scraped'");
    }
}
