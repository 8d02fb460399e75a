package org.newsmonitor.ingest.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Guesses the charset of bytes that declare none, with ICU's statistical detector (byte patterns and the commonest
 * characters of each language: GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, KOI8-R, windows-1251, ISO-8859-5 and the
 * Western code pages). Markup is ignored, so only the text decides. A guess is taken only when the bytes decode in
 * it without a single error (the whole document, not only the sample the detector saw).
 */
final class CharsetGuess {
    /** Lowest ICU confidence (0–100) accepted. */
    static final int MIN_CONFIDENCE = 10;
    /** Bytes shown to the detector: the start of the document is enough, and bounds the work on a large one. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private CharsetGuess() {
    }

    /**
     * The likeliest charset of {@code body} other than UTF-8, or null when no candidate decodes it cleanly.
     *
     * @param body the bytes; never null
     * @return the charset, widened to its superset as {@link CharsetSniffer#charsetOrNull(String)} does; may be null
     */
    static Charset guess(byte[] body) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(true);
        detector.setText(body.length <= SAMPLE_BYTES ? body : Arrays.copyOf(body, SAMPLE_BYTES));
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            Charset charset = CharsetSniffer.charsetOrNull(match.getName());
            if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !isUtf16Or32(charset)
                    && decodesCleanly(body, charset)) {
                return charset;
            }
        }
        return null;
    }

    private static boolean isUtf16Or32(Charset charset) {
        String name = charset.name();
        return name.startsWith("UTF-16") || name.startsWith("UTF-32");
    }

    static boolean decodesCleanly(byte[] body, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
