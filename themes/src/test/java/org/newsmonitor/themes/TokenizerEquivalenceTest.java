package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tokenizer gives exactly the tokens of the reference tokenizer, on every character and on random text. */
class TokenizerEquivalenceTest {

    private static final String[] PIECES = {
        "China's", "Russia’s", "Xiʼan", "o'clock", "'s", "’s", "ʼs", "s'", "x'", "''", "a'b'c", "SANCTIONS", "Gases",
        "ЁЛКА", "Ещё", "Газпром", "Сила Сибири", "ѐѝ", "Ґ", "中俄", "白俄罗斯", "白俄", "白", "俄", "俄亥俄", "俄克拉荷马", "ひらがな", "カタカナ", "한국", "豈", "𠀀", "ｆｕｌｌ",
        "ＣＮＰＣ", "ﬁnance", "straße", "İstanbul", "ı", "Łódź", "Café", "e\u0301", "\u0301", "ø", "đ", "Æ", "Ǆ",
        "\uD83D\uDE00", "\uD800", "\uDC00", "\uD835\uDC00", "-", " ", "\t", "\n", "\u00A0", "\u3000", "…", "—", "«»",
        "S-400", "2024", "٣", "روسيا", "ประเทศ", "हिन्दी", "ʻ", "ˈ", "Ⅻ", "①", "ﾊﾝ", "㈱", "\u0000", "\u200B", "\uFEFF",
    };

    @Test
    void shouldGiveTheReferenceTokensWhenAnyCharacterStandsInAnyPosition() {
        //Given every UTF-16 code unit, alone and next to letters, an apostrophe and an "s"
        for (int c = 0; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String text : new String[] {ch, "a" + ch + "b", "x" + ch, ch + "s", "d'" + ch, "Д" + ch + "'s",
                "中" + ch}) {
                //When //Then
                assertSame(text);
            }
        }
    }

    @Test
    void shouldGiveTheReferenceTokensWhenTextIsRandomMixedScripts() {
        //Given
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append(PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> text.append((char) random.nextInt(0x10000));
                    case 2 -> text.appendCodePoint(random.nextInt(0x110000));
                    default -> text.append(PIECES[random.nextInt(PIECES.length)]).append(' ');
                }
            }
            //When //Then
            assertSame(text.toString());
        }
    }

    @Test
    void shouldGiveTheReferenceTokensWhenTokensAreLong() {
        //Given tokens longer than the scanner's first buffer
        String longWord = "Долгоеслово".repeat(40) + "’s";
        String longMixed = "Ab".repeat(300) + "é" + "x'y".repeat(100);
        //When //Then
        assertSame(longWord + " " + longMixed + " " + longWord.toUpperCase());
    }

    private static void assertSame(String text) {
        List<String> expected = ReferenceTokenizer.tokens(text).stream()
                .map(t -> t.text() + "@" + t.start() + "-" + t.end()).toList();
        List<String> actual = TextTokenizer.tokens(text).stream()
                .map(t -> t.text() + "@" + t.start() + "-" + t.end()).toList();
        assertThat(actual).as("tokens of %s", text.codePoints().mapToObj(Integer::toHexString).toList())
                .isEqualTo(expected);
    }
}
