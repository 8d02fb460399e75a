package org.newsmonitor.ingest.normalize;

/** A rough language guess from the script of a text: Cyrillic → "ru", Han → "zh", Latin → null (unknown). */
public final class LanguageGuess {
    private LanguageGuess() {
    }

    /**
     * Guesses the language of {@code text} from its letters.
     *
     * @param text text; may be null
     * @return "ru", "zh" or null
     */
    public static String fromScript(String text) {
        if (text == null) {
            return null;
        }
        int cyrillic = 0;
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 2000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        if (letters == 0) {
            return null;
        }
        if (han * 5 >= letters) {
            return "zh";
        }
        if (cyrillic * 2 >= letters) {
            return "ru";
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
        String primary = (dash > 0 ? t.substring(0, dash) : t).toLowerCase(java.util.Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
