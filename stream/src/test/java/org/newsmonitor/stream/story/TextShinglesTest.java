package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextShinglesTest {
    @Test
    void shouldSplitCjkIntoCharactersAndFoldCyrillicAndDiacriticsWhenTokenising() {
        //Given
        String text = "«Сила Сибири» — 西伯利亚力量, Café Ёлка";
        //When
        var tokens = TextShingles.tokens(text);
        //Then
        assertThat(tokens).containsExactly("сила", "сибири", "西", "伯", "利", "亚", "力", "量", "cafe", "елка");
    }

    @Test
    void shouldGiveOneShingleWhenTextHasOneWord() {
        //Given / When
        var shingles = TextShingles.shingles("Kremlin");
        //Then
        assertThat(shingles).hasSize(1);
        assertThat(TextShingles.shingles("")).isEmpty();
    }
}
