package org.newsmonitor.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.themes.TextLimits;

class ArticleTextTest {
    private final ArticleText text = new ArticleText(1_000);

    private static ArticleEvent article(String title, String summary, String content) {
        return ArticleEvent.of("a1", "feed", "Wire", null, title, summary, content, "en",
                Instant.parse("2025-05-14T07:30:00Z"), null, List.of());
    }

    @Test
    void shouldCutTitleAndSummaryAtTheLimitsTheIngesterAndMatcherShare() {
        //Given fields one character over the shared limits
        String title = "t".repeat(TextLimits.MAX_TITLE + 1);
        String summary = "s".repeat(TextLimits.MAX_SUMMARY + 1);
        //When
        var prepared = new ArticleText(TextLimits.MAX_CONTENT).prepare(article(title, summary, null));
        //Then
        assertThat(prepared.article().title()).hasSize(TextLimits.MAX_TITLE);
        assertThat(prepared.article().summary()).hasSize(TextLimits.MAX_SUMMARY);
        assertThat(prepared.notes()).containsExactly(
                "title cut to its first " + TextLimits.MAX_TITLE + " of " + title.length() + " characters",
                "summary cut to its first " + TextLimits.MAX_SUMMARY + " of " + summary.length() + " characters");
    }

    @Test
    void shouldRefuseAContentLimitAboveTheSharedOne() {
        assertThatThrownBy(() -> new ArticleText(TextLimits.MAX_CONTENT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxContentChars");
    }

    @Test
    void shouldSkipWithReasonWhenArticleHasNoText() {
        //Given / When
        var prepared = text.prepare(article("", "", null));
        //Then
        assertThat(prepared.skipped()).isTrue();
        assertThat(prepared.skipReason()).isEqualTo("no text: title, summary and content are empty");
    }

    @Test
    void shouldSkipWithReasonWhenArticleHasNoLetters() {
        //Given / When
        var prepared = text.prepare(article("12:45", "— 2025 —", "%%% 100 %%%"));
        //Then
        assertThat(prepared.skipReason()).isEqualTo("no letters in title, summary or content");
    }

    @Test
    void shouldCutBodyAtCodePointBoundaryWhenBodyIsEnormous() {
        //Given a body whose 1000th character would split an emoji's surrogate pair
        String body = "a".repeat(999) + "😀" + "b".repeat(5_000);
        //When
        var prepared = text.prepare(article("Title", "", body));
        //Then
        assertThat(prepared.skipped()).isFalse();
        assertThat(prepared.article().content()).hasSize(999).isEqualTo("a".repeat(999));
        assertThat(prepared.notes()).containsExactly("content cut to its first 999 of 6001 characters");
    }

    @Test
    void shouldReplaceUnpairedSurrogatesWithoutChangingLengthWhenTextIsBroken() {
        //Given
        String broken = "Moscow \uD800 Beijing \uDC00";
        //When
        var prepared = text.prepare(article(broken, "Мир 世界 سلام", null));
        //Then
        assertThat(prepared.article().title()).isEqualTo("Moscow \uFFFD Beijing \uFFFD").hasSameSizeAs(broken);
        assertThat(prepared.article().summary()).isEqualTo("Мир 世界 سلام");
    }

    @Test
    void shouldKeepTheRecoveredMarkWhenTextIsCleaned() {
        //Given an article from a repaired feed whose title needs cleaning
        ArticleEvent recovered = article("Moscow \uD800 Beijing", "summary", null).asRecovered();
        //When
        var prepared = text.prepare(recovered);
        //Then
        assertThat(prepared.article().title()).isEqualTo("Moscow \uFFFD Beijing");
        assertThat(prepared.article().recovered()).isTrue();
    }
}
