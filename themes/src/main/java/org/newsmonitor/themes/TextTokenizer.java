package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into normalised tokens with character offsets, in one pass.
 *
 * <p>A token is a run of letters, digits and combining marks (an apostrophe between two letters stays inside the
 * run: {@code China's}); every other character separates tokens, so hyphens split ({@code S-400} is {@code s},
 * {@code 400}). Each Han, Kana or Hangul character is a token of its own, except that a foreign name written with the
 * character for Russia (白俄 in 白俄罗斯, Belarus; 俄亥俄, Ohio: {@link HanNames}) is one token. Tokens are NFKC-normalised and
 * lower-cased, Cyrillic ё becomes е, Latin diacritics are removed, a final possessive {@code 's} is dropped and other
 * apostrophes are removed. Rules and articles go through the same code, so they always agree.
 */
public final class TextTokenizer {

    /** Receives tokens in text order. */
    @FunctionalInterface
    public interface Sink {
        /** One token: its normalised text and its offsets in the source text (end exclusive). */
        void token(String text, int start, int end);
    }

    /**
     * A token.
     *
     * @param text  normalised text
     * @param start offset of the first character in the source (inclusive)
     * @param end   offset after the last character in the source (exclusive)
     */
    public record Token(String text, int start, int end) {
    }

    private TextTokenizer() {
    }

    /** All tokens of {@code text}; never null. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        tokenize(text, (t, s, e) -> out.add(new Token(t, s, e)));
        return out;
    }

    /** Feeds the tokens of {@code text} to {@code sink}; null or empty text gives none. */
    public static void tokenize(CharSequence text, Sink sink) {
        new TokenScanner().scan(text, (chars, length, start, end) -> sink.token(new String(chars, 0, length), start,
                end));
    }

    /** Whether the code point is a Han, Kana or Hangul letter (one token per character). */
    static boolean isCjk(int cp) {
        return CharClass.isCjk(cp);
    }
}
