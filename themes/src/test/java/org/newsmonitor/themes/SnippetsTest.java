package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void shouldAgreeWithCharacterIsWhitespaceWhenGivenAnyChar() {
        //Given //When //Then
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertThat(Snippets.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
        }
    }

    @Test
    void shouldCollapseRunsOfWhitespaceWhenTextHasTabsAndNewlines() {
        //Given
        String text = "  Gas\tdeal \n\n signed\u2003in  Beijing  ";
        //When
        String snippet = Snippets.around(text, 2, 5);
        //Then
        assertThat(snippet).isEqualTo("Gas deal signed in Beijing");
    }

    @Test
    void shouldReturnTheTextUnchangedWhenItIsShortAndSingleSpaced() {
        //Given
        String text = "Газпром и CNPC подписали контракт";
        //When //Then
        assertThat(Snippets.around(text, 0, 7)).isEqualTo(text);
    }

    @Test
    void shouldCutAtSpacesAndMarkCutsWhenTextIsLong() {
        //Given
        String text = "word ".repeat(40) + "pipeline" + " more".repeat(40);
        int start = text.indexOf("pipeline");
        //When
        String snippet = Snippets.around(text, start, start + 8);
        //Then
        assertThat(snippet).startsWith("…word").endsWith("more…").contains(" pipeline ");
        assertThat(snippet.length()).isLessThanOrEqualTo(2 * Snippets.CONTEXT + 10);
    }
}
