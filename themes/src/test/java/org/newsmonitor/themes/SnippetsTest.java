package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
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

    @Test
    void shouldMatchTheReferenceDefinitionWhenGivenRandomTextAndMatches() {
        //Given
        Random random = new Random(7);
        String[] pieces = {"gas", "pipeline", " ", " ", "  ", "\t", "\n\n", "Газпром", "管道", "西伯利亚", "\u3000", "\u2003",
            "\u00A0", "😀", "—", "x"};
        for (int run = 0; run < 5_000; run++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(120);
            for (int i = 0; i < parts; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            int start = text.isEmpty() ? 0 : random.nextInt(text.length());
            int end = Math.min(text.length(), start + random.nextInt(12));
            //When
            String snippet = Snippets.around(text, start, end);
            //Then
            assertThat(snippet).as("text %s, [%d, %d)", text, start, end).isEqualTo(reference(text, start, end));
        }
    }

    @Test
    void shouldMatchTheReferenceDefinitionWhenTextIsMostlySingleSpaced() {
        //Given
        Random random = new Random(11);
        String[] words = {"gas", "pipeline", "Газпром", "管道", "😀", "—", "x", "\u00A0", "\u1680", "\u001F", "\u0007"};
        for (int run = 0; run < 5_000; run++) {
            StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? " " : "");
            int parts = random.nextInt(80);
            for (int i = 0; i < parts; i++) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(30) == 0 ? "  " : " ");
            }
            String text = random.nextBoolean() ? sb.toString().stripTrailing() : sb.toString();
            int start = text.isEmpty() ? 0 : random.nextInt(text.length());
            int end = Math.min(text.length(), start + random.nextInt(12));
            //When
            String snippet = Snippets.around(text, start, end);
            //Then
            assertThat(snippet).as("text %s, [%d, %d)", text, start, end).isEqualTo(reference(text, start, end));
        }
    }

    // the definition, written plainly: context of CONTEXT characters, widened or narrowed to spaces, surrogate
    // pairs kept whole, whitespace runs collapsed, ellipses where the text was cut
    private static String reference(String text, int start, int end) {
        if (text.isEmpty()) {
            return "";
        }
        int from = Math.max(0, start - Snippets.CONTEXT);
        int to = Math.min(text.length(), Math.max(end, start) + Snippets.CONTEXT);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            if (space >= 0 && space < start) {
                from = space + 1;
            }
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            if (space > end) {
                to = space;
            }
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        StringBuilder core = new StringBuilder();
        for (String word : text.substring(from, Math.max(from, to)).split("[\\s\\x1C-\\x1F\\u1680\\u2000-\\u2006"
                + "\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]+")) {
            if (!word.isEmpty()) {
                core.append(core.length() > 0 ? " " : "").append(word);
            }
        }
        return (from > 0 ? "…" : "") + core + (to < text.length() ? "…" : "");
    }
    @Test
    void shouldLocateTermsInTheSnippetWhenWhitespaceIsCollapsedAndTheTextIsCut() {
        //Given a long text with runs of whitespace, a prefix match and a word inside a longer word
        String text = "x ".repeat(120) + "Officials  said\n\tГазпрома and   Russia agreed; Russian media" + " y".repeat(120);
        int gazprom = text.indexOf("Газпрома");
        int russia = text.indexOf("Russia ");
        java.util.List<TermHit> terms = java.util.List.of(new TermHit("газпром*", "summary", gazprom, gazprom + 8),
                new TermHit("russia", "summary", russia, russia + 6), new TermHit("russia", "title", 0, 6));
        //When
        String snippet = Snippets.around(text, gazprom, gazprom + 8);
        java.util.List<TermHit> located = Snippets.termsIn(text, "summary", gazprom, gazprom + 8, terms);
        //Then each located term covers exactly the matched text, and only terms of the snippet's field count
        assertThat(located).extracting(TermHit::field).containsOnly("snippet");
        assertThat(located).extracting(t -> snippet.substring(t.start(), t.end()))
                .containsExactly("Газпрома", "Russia");
        assertThat(snippet.substring(located.get(1).end())).startsWith(" agreed; Russian");
    }

    @Test
    void shouldLocateTermsInASingleSpacedSnippetThatStartsTheText() {
        String text = "Gazprom's talks with Russia go on";
        java.util.List<TermHit> located = Snippets.termsIn(text, "title", 0, 0,
                java.util.List.of(new TermHit("gazprom*", "title", 0, 7), new TermHit("russia", "title", 21, 27)));
        assertThat(located).extracting(t -> Snippets.around(text, 0, 0).substring(t.start(), t.end()))
                .containsExactly("Gazprom", "Russia");
    }

    @Test
    void shouldLeaveOutTermsTheSnippetCuts() {
        String text = "word ".repeat(100) + "Gazprom";
        int far = text.indexOf("Gazprom");
        java.util.List<TermHit> located = Snippets.termsIn(text, "content", 0, 4,
                java.util.List.of(new TermHit("word", "content", 0, 4), new TermHit("gazprom", "content", far, far + 7)));
        assertThat(located).extracting(TermHit::term).containsExactly("word");
    }
}
