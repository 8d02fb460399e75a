package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

    @Test
    void shouldNotSplitASurrogatePair() {
        // Given text of emoji (two chars each)
        String text = "😀".repeat(10);
        // When cut at an odd length
        String cut = TextLimits.truncate(text, 6);
        // Then no half pair remains
        assertThat(cut).isEqualTo("😀😀" + TextLimits.ELLIPSIS);
        assertThat(cut.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp))).isTrue();
    }

    @Test
    void shouldNotSeparateCombiningMarksFromTheirLetter() {
        // Given "é" written as e + combining acute, repeated
        String text = "e\u0301".repeat(10);
        // When cut in the middle of a cluster
        String cut = TextLimits.truncate(text, 6);
        // Then only whole clusters remain
        assertThat(cut).isEqualTo("e\u0301e\u0301" + TextLimits.ELLIPSIS);
    }

    @Test
    void shouldKeepShortTextUnchanged() {
        assertThat(TextLimits.truncate("short", 10)).isEqualTo("short");
        assertThat(TextLimits.truncate(null, 10)).isNull();
    }
}
