package org.newsmonitor.matching;

import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.themes.TextLimits;

/**
 * Makes an article safe to match: fields longer than their limit are cut at a code-point boundary (the matcher
 * reads a prefix, so offsets stay valid), unpaired surrogates become U+FFFD (same length, offsets unchanged), and an
 * article with no letters at all is skipped with a reason. Text in any script is matched: themes simply have no
 * terms for, say, Arabic, so such an article matches nothing.
 */
public final class ArticleText {
    private final int maxContentChars;

    /**
     * Titles and summaries are cut at the shared {@link TextLimits}; the full text at {@code maxContentChars}.
     *
     * @param maxContentChars longest full text matched, in characters; 1 to {@link TextLimits#MAX_CONTENT}
     */
    public ArticleText(int maxContentChars) {
        if (maxContentChars <= 0 || maxContentChars > TextLimits.MAX_CONTENT) {
            throw new IllegalArgumentException("maxContentChars must be 1.." + TextLimits.MAX_CONTENT + ", was "
                    + maxContentChars);
        }
        this.maxContentChars = maxContentChars;
    }

    /**
     * The article as it will be matched, or the reason it is skipped.
     *
     * @param article the decoded article; never null
     * @return never null
     */
    public Prepared prepare(ArticleEvent article) {
        String title = clean(article.title(), TextLimits.MAX_TITLE);
        String summary = clean(article.summary(), TextLimits.MAX_SUMMARY);
        String content = article.content() == null ? null : clean(article.content(), maxContentChars);
        if (!hasLetter(title) && !hasLetter(summary) && (content == null || !hasLetter(content))) {
            String reason = article.title().isEmpty() && article.summary().isEmpty() && article.content() == null
                    ? "no text: title, summary and content are empty"
                    : "no letters in title, summary or content";
            return new Prepared(null, reason, List.of());
        }
        List<String> notes = new ArrayList<>();
        note(notes, "title", article.title(), title);
        note(notes, "summary", article.summary(), summary);
        if (content != null) {
            note(notes, "content", article.content(), content);
        }
        ArticleEvent matched = title.equals(article.title()) && summary.equals(article.summary())
                && (content == null || content.equals(article.content()))
                ? article
                : new ArticleEvent(article.schemaVersion(), article.id(), article.feedId(), article.source(),
                        article.url(), title, summary, content, article.language(), article.publishedAt(),
                        article.fetchedAt(), article.tags(), article.languageSource(), article.recovered());
        return new Prepared(matched, null, List.copyOf(notes));
    }

    private static void note(List<String> notes, String field, String original, String cleaned) {
        if (cleaned.length() < original.length()) {
            notes.add(field + " cut to its first " + cleaned.length() + " of " + original.length() + " characters");
        }
    }

    /** {@code text} cut to {@code max} characters without splitting a surrogate pair, unpaired surrogates replaced. */
    static String clean(String text, int max) {
        int end = text.length();
        if (end > max) {
            end = max;
            if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= end || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (unpaired && out == null) {
                out = new StringBuilder(end).append(text, 0, i);
            }
            if (out != null) {
                out.append(unpaired ? '\uFFFD' : c);
            }
        }
        return out != null ? out.toString() : text.substring(0, end);
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * An article ready to match, or why it is skipped.
     *
     * @param article    the article with over-long fields cut; null when skipped
     * @param skipReason why the article is not matched; null when it is
     * @param notes      what was cut, for the log; never null
     */
    public record Prepared(ArticleEvent article, String skipReason, List<String> notes) {
        /** Whether the article is skipped. */
        public boolean skipped() {
            return skipReason != null;
        }
    }
}
