package org.newsmonitor.ingest.fulltext;

import java.util.List;
import java.util.Locale;
import org.newsmonitor.contracts.event.ArticleEvent;

/**
 * Decides whether an item's text is only a teaser, so that its article page is worth fetching. The text looked at is
 * the item's content, or its summary when it has no content. It is a teaser when:
 * <ul>
 * <li>there is none;</li>
 * <li>it is shorter than {@value #MIN_CHARS} characters ({@value #MIN_CJK_CHARS} when most of its letters are
 * Chinese, Japanese or Korean, which say more per character);</li>
 * <li>it ends visibly cut off: an ellipsis ("…", "...", "[…]", "[...]", "(…)");</li>
 * <li>it ends with a read-more link text ("Read more", "Continue reading", "Читать далее", "Подробнее",
 * "阅读全文", "查看全文", ...);</li>
 * <li>it only repeats the title.</li>
 * </ul>
 * Pure: no I/O.
 */
public final class TeaserRule {
    /** Shorter texts (in characters) are teasers. */
    public static final int MIN_CHARS = 400;
    /** Shorter texts of mostly CJK letters are teasers. */
    public static final int MIN_CJK_CHARS = 160;
    private static final List<String> ELLIPSES = List.of("…", "...", "[…]", "[...]", "(…)", "(...)", "……");
    private static final List<String> READ_MORE = List.of("read more", "continue reading", "read the full story",
            "read full story", "read the full article", "full story", "more »", "more»", "читать далее",
            "читать полностью", "подробнее", "читайте далее", "阅读全文", "查看全文", "全文", "阅读更多",
            "更多");
    private static final String TRAILING = " \t\n\r\u00a0»›>→\"'”’)]】」";

    private TeaserRule() {
    }

    /**
     * Why the article's text looks like a teaser.
     *
     * @param article the article as mapped from the feed; never null
     * @return a short reason ("no text", "short: 120 characters", "ends with an ellipsis", "ends with a read-more
     *         link", "repeats the title"), or null when the text looks whole
     */
    public static String teaserReason(ArticleEvent article) {
        String text = article.content() != null ? article.content() : article.summary();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "no text";
        }
        if (endsWithEllipsis(t)) {
            return "ends with an ellipsis";
        }
        if (endsWithReadMore(t)) {
            return "ends with a read-more link";
        }
        if (comparable(t).equals(comparable(article.title()))) {
            return "repeats the title";
        }
        int length = t.codePointCount(0, t.length());
        int min = mostlyCjk(t) ? MIN_CJK_CHARS : MIN_CHARS;
        return length < min ? "short: " + length + " characters" : null;
    }

    private static boolean endsWithEllipsis(String t) {
        String end = stripEnd(t, " \t\n\r\u00a0\"'”’»");
        for (String e : ELLIPSES) {
            if (end.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithReadMore(String t) {
        String end = stripEnd(t.toLowerCase(Locale.ROOT), TRAILING + ".:…");
        for (String marker : READ_MORE) {
            if (end.endsWith(marker)) {
                int before = end.length() - marker.length() - 1;
                // a whole word or phrase: start of text, or after a space, punctuation or a CJK letter
                if (before < 0 || !Character.isLetterOrDigit(end.charAt(before)) || isCjk(end.codePointAt(before))
                        || isCjk(marker.codePointAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stripEnd(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String comparable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True when more than half of the letters are CJK. */
    static boolean mostlyCjk(String t) {
        int letters = 0;
        int cjk = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (isCjk(cp)) {
                    cjk++;
                }
            }
        }
        return letters > 0 && cjk * 2 > letters;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
