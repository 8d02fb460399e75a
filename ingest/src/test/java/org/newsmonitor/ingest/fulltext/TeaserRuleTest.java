package org.newsmonitor.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsmonitor.contracts.event.ArticleEvent;

class TeaserRuleTest {
    private static final String WHOLE = ("The border railway operator published its figures for the first nine "
            + "months on Tuesday. ").repeat(6);

    private static ArticleEvent item(String title, String summary, String content) {
        return ArticleEvent.of("a-1", "feed", "Feed", "https://news.example/a/1", title, summary, content, "en",
                Instant.parse("2025-06-01T12:00:00Z"), null, List.of());
    }

    @Test
    void shouldTakeALongWholeTextAsIs() {
        assertThat(TeaserRule.teaserReason(item("Freight doubles", "Short lead.", WHOLE))).isNull();
        assertThat(TeaserRule.teaserReason(item("Freight doubles", WHOLE, null))).isNull();
    }

    @Test
    void shouldCallAShortOrMissingTextATeaser() {
        assertThat(TeaserRule.teaserReason(item("Freight doubles", "Trains carried twice as much cargo.", null)))
                .isEqualTo("short: 35 characters");
        assertThat(TeaserRule.teaserReason(item("Freight doubles", "", null))).isEqualTo("no text");
    }

    @Test
    void shouldCallATextRepeatingTheTitleATeaser() {
        assertThat(TeaserRule.teaserReason(item("Freight doubles!", "freight  doubles", null)))
                .isEqualTo("repeats the title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"…", "...", " […]", " [...]", " (…)", "…»"})
    void shouldCallALongTextCutOffWithAnEllipsisATeaser(String ending) {
        assertThat(TeaserRule.teaserReason(item("Freight doubles", null, WHOLE.strip() + ending)))
                .isEqualTo("ends with an ellipsis");
    }

    @ParameterizedTest
    @ValueSource(strings = {" Read more", " Continue reading »", " Читать далее", " Подробнее →", "阅读全文", "【查看全文】"})
    void shouldCallALongTextEndingWithAReadMoreLinkATeaser(String ending) {
        assertThat(TeaserRule.teaserReason(item("Freight doubles", null, WHOLE.strip() + ending)))
                .isEqualTo("ends with a read-more link");
    }

    @Test
    void shouldNotTakeAWordThatMerelyEndsLikeAMarkerForOne() {
        assertThat(TeaserRule.teaserReason(item("Freight doubles", null, WHOLE + " They wanted nothing more")))
                .isNull();
    }

    @Test
    void shouldMeasureChineseTextAgainstItsOwnThreshold() {
        String chinese = "今年前三季度，满洲里口岸进出口货运量同比增长百分之十八，创下历史同期最高纪录。";
        assertThat(TeaserRule.teaserReason(item("货运量创新高", chinese, null))).startsWith("short: ");
        assertThat(TeaserRule.teaserReason(item("货运量创新高", chinese.repeat(5), null))).isNull();
    }
}
