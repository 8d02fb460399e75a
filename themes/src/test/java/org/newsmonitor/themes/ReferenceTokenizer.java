package org.newsmonitor.themes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokenising rules written on {@link TextTokenizer}, stated as plainly as the JDK allows and sharing no code
 * with the production scanner: the text is walked one code point at a time, each token is cut out as a String and
 * normalised with {@link Normalizer}, {@link String#toLowerCase(Locale)} and a regular expression, with no fast
 * paths and no tables (only the list of foreign names in {@link HanNames} is shared). {@link TokenizerEquivalenceTest}
 * holds the fast tokenizer to it.
 */
final class ReferenceTokenizer {

    /**
     * A token.
     *
     * @param text  normalised text
     * @param start offset of the first character in the source (inclusive)
     * @param end   offset after the last character in the source (exclusive)
     */
    record Token(String text, int start, int end) {
    }

    /** Scripts whose letters are each a token of their own. */
    private static final Set<Character.UnicodeScript> SINGLE_LETTER_SCRIPTS = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);
    /** Non-spacing marks right after a Latin letter: the diacritics that are taken off. */
    private static final Pattern LATIN_DIACRITICS = Pattern.compile("(\\p{IsLatin})\\p{Mn}+");
    private static final Pattern POSSESSIVE_END = Pattern.compile("'s\\z");
    private static final String APOSTROPHE_LIKE = "'\u2019\u02BC";

    private ReferenceTokenizer() {
    }

    /** All tokens of {@code text}; null gives none. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (text != null && at < text.length()) {
            int codePoint = text.codePointAt(at);
            int next = at + Character.charCount(codePoint);
            String name = foreignNameAt(text, at);
            if (!name.isEmpty()) {
                tokens.add(new Token(name, at, at + name.length()));
                at += name.length();
            } else if (isSingleLetterToken(codePoint)) {
                tokens.add(new Token(Normalizer.normalize(text.substring(at, next), Normalizer.Form.NFKC), at, next));
                at = next;
            } else if (isWordPart(codePoint)) {
                int end = wordEnd(text, next);
                String word = normalise(text.substring(at, end));
                if (!word.isEmpty()) {
                    tokens.add(new Token(word, at, end));
                }
                at = end;
            } else {
                at = next;
            }
        }
        return tokens;
    }

    // the longest of the listed foreign names written with the character for Russia that starts at {@code at}, or ""
    private static String foreignNameAt(String text, int at) {
        String longest = "";
        for (String name : HanNames.NAMES) {
            if (text.startsWith(name, at) && name.length() > longest.length()) {
                longest = name;
            }
        }
        return longest;
    }

    // a word goes on over letters, digits and marks, and over an apostrophe that has a letter right after it
    private static int wordEnd(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int codePoint = text.codePointAt(at);
            int next = at + Character.charCount(codePoint);
            boolean innerApostrophe = (codePoint == '\'' || codePoint == '\u2019') && next < text.length()
                    && mayFollowApostrophe(text.codePointAt(next));
            boolean wordPart = isWordPart(codePoint) && !isSingleLetterToken(codePoint);
            if (!innerApostrophe && !wordPart) {
                return at;
            }
            at = next;
        }
        return at;
    }

    private static boolean mayFollowApostrophe(int codePoint) {
        boolean asciiLetterOrDigit = codePoint < 0x80 && Character.isLetterOrDigit(codePoint);
        return asciiLetterOrDigit || Character.isLetter(codePoint) && !isSingleLetterToken(codePoint);
    }

    private static boolean isWordPart(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> Character.isLetterOrDigit(codePoint);
        };
    }

    private static boolean isSingleLetterToken(int codePoint) {
        return Character.isLetter(codePoint) && SINGLE_LETTER_SCRIPTS.contains(Character.UnicodeScript.of(codePoint));
    }

    // compatibility forms folded, lower case, Latin diacritics and letters without a decomposition made plain,
    // ё as е, every apostrophe as ', then (when the word had one) a final 's and the apostrophes taken out
    private static String normalise(String word) {
        String lower = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        String plain = LATIN_DIACRITICS.matcher(decomposed).replaceAll("$1")
                .replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ı", "i").replace("ß", "ss")
                .replace('\u2019', '\'').replace('\u02BC', '\'');
        String composed = Normalizer.normalize(plain, Normalizer.Form.NFC).replace('ё', 'е');
        boolean hadApostrophe = word.chars().anyMatch(c -> APOSTROPHE_LIKE.indexOf(c) >= 0);
        return hadApostrophe ? POSSESSIVE_END.matcher(composed).replaceFirst("").replace("'", "") : composed;
    }
}
