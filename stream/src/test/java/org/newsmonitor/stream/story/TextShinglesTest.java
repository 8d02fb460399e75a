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

    @Test
    void shouldGiveTheSameTokensAndShinglesOnTheAsciiFastPathAsOnTheUnicodePath() {
        //Given ASCII text, and the same text with one non-ASCII character appended (which takes the Unicode path)
        String ascii = "Gazprom's CEO: Power-of-Siberia 2 talks (round 14) END in Beijing; 38 bcm/yr, 2030!";
        //When
        var fast = TextShingles.tokens(ascii);
        var slow = TextShingles.tokens(ascii + " ё");
        //Then
        assertThat(slow.subList(0, slow.size() - 1)).containsExactlyElementsOf(fast);
        assertThat(fast).startsWith("gazprom", "s", "ceo", "power", "of", "siberia", "2");
        long[] hashes = TextShingles.shingleHashes(ascii);
        assertThat(hashes).hasSize(fast.size() - 1);
        assertThat(hashes[0]).isEqualTo(TextShingles.hash("gazprom s"));
        assertThat(TextShingles.shingles(ascii)).containsExactlyInAnyOrder(
                java.util.Arrays.stream(hashes).boxed().distinct().toArray(Long[]::new));
        assertThat(MinHash.signature(hashes)).containsExactly(MinHash.signature(TextShingles.shingles(ascii)));
    }
}
