package org.newsmonitor.ingest.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * The language of an article when its feed does not say: the script of its letters, and for Latin script the share
 * of common English words. Han → "zh" (with Japanese kana → "ja"), Hangul → "ko", Cyrillic → "ru" (with
 * Ukrainian-only letters → "uk"), Latin with enough English function words → "en"; anything else stays unknown
 * (null) rather than guessed. Measured on the themes' evaluation sets (see docs/topics.md).
 */
public final class LanguageGuess {
    /** Letters looked at; the start of a text decides. */
    private static final int MAX_LETTERS = 2_000;
    /** Latin words looked at for English function words. */
    private static final int MAX_WORDS = 400;
    /** Common English words that are rarely words of the other Latin-script languages of the news. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "is", "for", "on", "with",
            "as", "by", "at", "from", "that", "its", "has", "have", "will", "said", "after", "over", "new", "was",
            "are", "be", "an", "it", "this", "which", "their", "into", "than", "were", "been", "but", "not",
            "would", "could", "says", "between", "amid", "about", "more", "his", "her", "they", "who", "what");

    private LanguageGuess() {
    }

    /**
     * Guesses the language of {@code text}.
     *
     * @param text text, such as title and summary; may be null
     * @return "en", "ru", "uk", "zh", "ja", "ko" or null when unknown
     */
    public static String detect(String text) {
        if (text == null) {
            return null;
        }
        ScriptCounts counts = ScriptCounts.of(text);
        if (counts.letters == 0) {
            return null;
        }
        if (counts.kana * 10 >= counts.letters) {
            return "ja";
        }
        if (counts.hangul * 5 >= counts.letters) {
            return "ko";
        }
        if (counts.han * 5 >= counts.letters) {
            return "zh";
        }
        if (counts.cyrillic * 2 >= counts.letters) {
            return counts.ukrainian > 0 ? "uk" : "ru";
        }
        if (counts.latin * 2 >= counts.letters && looksEnglish(text)) {
            return "en";
        }
        return null;
    }

    /** The primary subtag of a language tag, lower-cased: "ru-RU" → "ru"; null for blank input. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().replace('_', '-');
        int dash = t.indexOf('-');
        String primary = (dash > 0 ? t.substring(0, dash) : t).toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    // at least two English function words, making at least a tenth of the words
    private static boolean looksEnglish(String text) {
        int words = 0;
        int english = 0;
        int start = -1;
        for (int i = 0; i <= text.length() && words < MAX_WORDS; i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (ENGLISH.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    english++;
                }
                start = -1;
            }
        }
        return english >= 2 && english * 10 >= words;
    }

    /** Letters of a text by script. */
    private static final class ScriptCounts {
        private int letters;
        private int latin;
        private int cyrillic;
        private int ukrainian;
        private int han;
        private int kana;
        private int hangul;

        static ScriptCounts of(String text) {
            ScriptCounts c = new ScriptCounts();
            for (int i = 0; i < text.length() && c.letters < MAX_LETTERS; ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    c.add(cp);
                }
            }
            return c;
        }

        private void add(int cp) {
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case CYRILLIC -> {
                    cyrillic++;
                    if ("іїєґІЇЄҐ".indexOf(cp) >= 0) {
                        ukrainian++;
                    }
                }
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> { }
            }
        }
    }
}
