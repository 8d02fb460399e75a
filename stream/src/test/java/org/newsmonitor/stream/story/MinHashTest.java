package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTest {
    private static long[] terms(String text) {
        long[] fingerprint = StoryFingerprint.of(text, "");
        return java.util.Arrays.copyOfRange(fingerprint, 1, fingerprint.length);
    }

    private static final String WIRE = "Gazprom and CNPC sign price terms for Power of Siberia 2. The Russian and "
            + "Chinese companies agreed on the price formula for gas shipped through Mongolia, officials said on Tuesday.";

    @Test
    void shouldEstimateHighSimilarityWhenTextIsACopyWithDifferentPunctuationAndCase() {
        //Given
        long[] a = MinHash.signature(terms(WIRE));
        long[] b = MinHash.signature(terms(WIRE.toUpperCase().replace(".", " -- ")));
        //When
        double similarity = MinHash.similarity(a, b);
        //Then
        assertThat(similarity).isEqualTo(1.0);
        assertThat(MinHash.bandHashes(a)).containsExactly(MinHash.bandHashes(b));
    }

    @Test
    void shouldEstimateLowSimilarityWhenTextsShareOnlyVocabulary() {
        //Given
        long[] a = MinHash.signature(terms(WIRE));
        long[] b = MinHash.signature(terms("India takes delivery of its fourth S-400 regiment from "
                + "Russia as Delhi and Moscow discuss payments in rupees for gas and oil supplies."));
        //When
        double similarity = MinHash.similarity(a, b);
        //Then
        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void shouldGiveEmptySignatureAndNoBandsWhenTextHasNoWords() {
        //Given
        long[] signature = MinHash.signature(terms(" -- !!! ... "));
        //When
        long[] bands = MinHash.bandHashes(signature);
        //Then
        assertThat(signature).isEmpty();
        assertThat(bands).isEmpty();
        assertThat(MinHash.similarity(signature, signature)).isZero();
    }
}
