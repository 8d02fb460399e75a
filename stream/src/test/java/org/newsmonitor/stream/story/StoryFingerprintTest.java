package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {
    private static List<Long> terms(String title, String lede) {
        List<Long> terms = new ArrayList<>();
        new StoryTerms().terms(title, lede, terms::add);
        return terms;
    }

    @Test
    void shouldGiveOneTermForEachInflectionOfAWordWhenStemming() {
        //Given English and Russian inflections, case and punctuation apart
        long[] english = StoryFingerprint.of("Gazprom signs contract", "");
        long[] englishAgain = StoryFingerprint.of("GAZPROM SIGNED CONTRACTS!", "");
        long[] russian = StoryFingerprint.of("«Сила Сибири 2»: подписан контракт", "");
        long[] russianAgain = StoryFingerprint.of("По «Силе Сибири 2» подписали контракта", "");
        //When / Then
        assertThat(StoryFingerprint.similarity(english, englishAgain)).isEqualTo(1.0);
        assertThat(StoryFingerprint.similarity(russian, russianAgain)).isGreaterThan(0.6);
    }

    @Test
    void shouldLeaveOutStopWordsAgencyWordsAndTheDatelineWhenMakingTerms() {
        //Given
        String reuters = "MOSCOW, March 2 (Reuters) - Gazprom signed the contract, Miller said.";
        String tass = "MOSCOW, March 2. /TASS/. Gazprom signed the contract, Miller said.";
        String interfax = "Moscow. March 2. INTERFAX - Gazprom signed the contract, Miller said.";
        String xinhua = "新华社北京3月2日电 中俄签署合同";
        //When / Then
        assertThat(terms("", reuters)).containsExactlyElementsOf(terms("", "Gazprom signed a contract, Miller told"));
        assertThat(terms("", tass)).containsExactlyElementsOf(terms("", "Gazprom signed the contract"
                + " Miller"));
        assertThat(terms("", interfax)).containsExactlyElementsOf(terms("", reuters));
        assertThat(terms("", xinhua)).containsExactlyElementsOf(terms("", "中俄签署合同"));
        assertThat(StoryTerms.withoutDateline("Shares rose 6% - the most since 2022")).isEqualTo(
                "Shares rose 6% - the most since 2022");
    }

    @Test
    void shouldGiveEachHanCharacterAndEachAdjacentPairATerm() {
        //Given / When
        List<Long> terms = terms("中俄签署", "");
        //Then
        assertThat(terms).containsExactly(StoryTerms.hash("中", StoryTerms.WORD), StoryTerms.hash("俄", StoryTerms.WORD),
                StoryTerms.hash("中俄", StoryTerms.WORD), StoryTerms.hash("签", StoryTerms.WORD),
                StoryTerms.hash("俄签", StoryTerms.WORD), StoryTerms.hash("署", StoryTerms.WORD),
                StoryTerms.hash("签署", StoryTerms.WORD));
    }

    @Test
    void shouldTellReportsApartWhenTheirTitlesGiveDifferentNumbers() {
        //Given two rounds of talks, and a version that gives the round in the lede only
        String lede = "Gazprom and CNPC ended talks on the gas price in Beijing without agreement, sources said.";
        long[] round14 = StoryFingerprint.of("Power of Siberia 2 talks: 14th round ends without a deal", lede);
        long[] round15 = StoryFingerprint.of("Power of Siberia 2 talks: 15th round ends without a deal", lede);
        long[] round14Again = StoryFingerprint.of("No deal on Power of Siberia 2 price",
                lede + " It was the 14th round.");
        //When / Then
        assertThat(StoryFingerprint.similarity(round14, round15)).isZero();
        assertThat(StoryFingerprint.similarity(round14, round14Again)).isGreaterThan(0.5);
    }

    @Test
    void shouldWeighNumbersMoreThanWords() {
        //Given a text, the same with one word changed, and the same with one number changed
        long[] text = StoryFingerprint.of("Trade", "Trade with China fell 6 percent to 53 billion dollars");
        long[] otherWord = StoryFingerprint.of("Trade", "Trade with China dropped 6 percent to 53 billion dollars");
        long[] otherNumber = StoryFingerprint.of("Trade", "Trade with China fell 6 percent to 58 billion dollars");
        //When / Then
        assertThat(StoryFingerprint.similarity(text, otherNumber))
                .isLessThan(StoryFingerprint.similarity(text, otherWord));
    }

    @Test
    void shouldMatchNothingWhenTheArrayIsNoFingerprint() {
        //Given a MinHash signature stored by an earlier version, and a text without words
        long[] oldSignature = new long[64];
        java.util.Arrays.fill(oldSignature, 42L);
        long[] empty = StoryFingerprint.of(" -- !!! ", null);
        //When / Then
        assertThat(StoryFingerprint.hasTerms(oldSignature)).isFalse();
        assertThat(StoryFingerprint.hasTerms(empty)).isFalse();
        assertThat(StoryFingerprint.similarity(oldSignature, oldSignature)).isZero();
        assertThat(StoryFingerprint.bandHashes(oldSignature)).isEmpty();
        assertThat(StoryFingerprint.bandHashes(empty)).isEmpty();
    }

    @Test
    void shouldKeepTheSmallestTermHashesWhenATextHasTooManyTerms() {
        //Given a text of 500 different numbers
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append(i).append(' ');
        }
        //When
        long[] fingerprint = StoryFingerprint.of("", text.toString());
        //Then
        assertThat(fingerprint).hasSize(StoryFingerprint.MAX_TERMS + 1);
        assertThat(fingerprint[0]).isEqualTo(StoryFingerprint.FORMAT);
        assertThat(java.util.Arrays.copyOfRange(fingerprint, 1, fingerprint.length)).isSorted();
        assertThat(StoryFingerprint.similarity(fingerprint, StoryFingerprint.of("", text.toString()))).isEqualTo(1.0);
    }
}
