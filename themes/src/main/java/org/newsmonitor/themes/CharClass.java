package org.newsmonitor.themes;

/**
 * What the tokenizer needs to know about a character: whether it belongs in a word, whether it is a Han, Kana or
 * Hangul letter (a token of its own) and whether it is a letter. Answers for the 16-bit characters come from a
 * table filled once from the Unicode properties of the running Java, so the answers are the same as asking them
 * directly; code points beyond are asked directly.
 */
final class CharClass {
    /** In a word: a letter, digit or combining mark. */
    static final int WORD = 1;
    /** A Han, Kana or Hangul letter. */
    static final int CJK = 2;
    /** A letter. */
    static final int LETTER = 4;

    private static final byte[] BMP = new byte[0x10000];

    static {
        for (int c = 0; c < BMP.length; c++) {
            BMP[c] = (byte) compute(c);
        }
    }

    private CharClass() {
    }

    /** The classes of UTF-16 unit {@code c}, which must not be a surrogate. */
    static int of(char c) {
        return BMP[c];
    }

    /** The classes of code point {@code cp}. */
    static int ofCodePoint(int cp) {
        return cp < BMP.length ? BMP[cp] : compute(cp);
    }

    private static int compute(int cp) {
        return (isWordCodePoint(cp) ? WORD : 0) | (isCjk(cp) ? CJK : 0) | (Character.isLetter(cp) ? LETTER : 0);
    }

    /** Whether the code point is a letter, a digit or a combining mark. */
    static boolean isWordCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether the code point is a Han, Kana or Hangul letter (one token per character). */
    static boolean isCjk(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
