package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

    private static List<String> texts(String s) {
        return TextTokenizer.tokens(s).stream().map(TextTokenizer.Token::text).toList();
    }

    @Test
    void shouldLowerCaseLatinWordsAndKeepOffsetsWhenTextHasPunctuation() {
        //Given
        String text = "Gazprom, CNPC sign deal.";
        //When
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        //Then
        assertThat(tokens).containsExactly(
                new TextTokenizer.Token("gazprom", 0, 7),
                new TextTokenizer.Token("cnpc", 9, 13),
                new TextTokenizer.Token("sign", 14, 18),
                new TextTokenizer.Token("deal", 19, 23));
    }

    @Test
    void shouldSplitOnHyphensWhenWeaponNamesAreHyphenated() {
        //Given //When //Then
        assertThat(texts("S-400 and Su-35s")).containsExactly("s", "400", "and", "su", "35s");
    }

    @Test
    void shouldDropPossessiveWhenWordEndsWithApostropheS() {
        //Given //When //Then
        assertThat(texts("China's and Russia’s o'clock")).containsExactly("china", "and", "russia", "oclock");
    }

    @Test
    void shouldFoldCyrillicYoAndCaseWhenTextIsRussian() {
        //Given //When //Then
        assertThat(texts("Ещё ЁЛКА Пекин")).containsExactly("еще", "елка", "пекин");
    }

    @Test
    void shouldKeepCyrillicShortIWhenFoldingDiacritics() {
        //Given //When //Then
        assertThat(texts("Китайский Café Łódź")).containsExactly("китайский", "cafe", "lodz");
    }

    @Test
    void shouldKeepAForeignNameAsOneTokenWhenItsHanCharactersIncludeTheOneForRussia() {
        //Given Belarus (白俄罗斯, short 白俄) and Ohio (俄亥俄) are written with 俄, the character for Russia
        String text = "白俄罗斯与白俄，俄亥俄州";
        //When
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        //Then
        assertThat(tokens).containsExactly(
                new TextTokenizer.Token("白俄", 0, 2), new TextTokenizer.Token("罗", 2, 3),
                new TextTokenizer.Token("斯", 3, 4), new TextTokenizer.Token("与", 4, 5),
                new TextTokenizer.Token("白俄", 5, 7), new TextTokenizer.Token("俄亥俄", 8, 11),
                new TextTokenizer.Token("州", 11, 12));
        assertThat(texts("俄白联盟 中俄白")).containsExactly("俄", "白", "联", "盟", "中", "俄", "白");
    }

    @Test
    void shouldKeepEthiopiaAsOneTokenSoThatItsHanCharacterForRussiaDoesNotCount() {
        //Given Ethiopia (埃塞俄比亚) is written with 俄, the character for Russia
        String text = "新华社与埃塞俄比亚媒体";
        //When
        List<String> texts = texts(text);
        //Then
        assertThat(texts).containsExactly("新", "华", "社", "与", "埃塞俄比亚", "媒", "体");
        assertThat(texts).doesNotContain("俄");
    }

    @Test
    void shouldMakeEachHanCharacterATokenWhenTextIsChinese() {
        //Given
        String text = "中俄签署西伯利亚力量2号协议";
        //When
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        //Then
        assertThat(tokens).extracting(TextTokenizer.Token::text)
                .containsExactly("中", "俄", "签", "署", "西", "伯", "利", "亚", "力", "量", "2", "号", "协", "议");
        assertThat(tokens.get(10)).isEqualTo(new TextTokenizer.Token("2", 10, 11));
    }

    @Test
    void shouldNormaliseKanaDigraphWhenItHasACompatibilityForm() {
        //Given U+309F HIRAGANA DIGRAPH YORI, whose NFKC form is the two kana より
        String text = "\u309F";
        //When
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        //Then
        assertThat(tokens).containsExactly(new TextTokenizer.Token("より", 0, 1));
    }

    @Test
    void shouldNormaliseFullWidthFormsWhenTextUsesThem() {
        //Given //When //Then
        assertThat(texts("ＣＮＰＣ　ＬＮＧ")).containsExactly("cnpc", "lng");
    }

    @Test
    void shouldSkipEmojiAndControlCharactersWhenTextIsOdd() {
        //Given
        String text = "gas\u0000\uD83D\uDE80pipeline\uD800 end";
        //When
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        //Then
        assertThat(tokens).extracting(TextTokenizer.Token::text).containsExactly("gas", "pipeline", "end");
        assertThat(tokens.get(1).start()).isEqualTo(6);
    }

    @Test
    void shouldGiveNoTokensWhenTextIsEmptyOrNull() {
        //Given //When //Then
        assertThat(TextTokenizer.tokens("")).isEmpty();
        assertThat(TextTokenizer.tokens(" -- … ")).isEmpty();
        assertThat(texts(null)).isEmpty();
    }

    @Test
    void shouldKeepArabicAndThaiRunsAsWordsWhenScriptIsUnexpected() {
        //Given //When //Then
        assertThat(texts("روسيا والصين ประเทศจีน")).containsExactly("روسيا", "والصين", "ประเทศจีน");
    }
}
