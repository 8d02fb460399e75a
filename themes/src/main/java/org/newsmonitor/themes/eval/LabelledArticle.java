package org.newsmonitor.themes.eval;

import java.util.List;
import java.util.Objects;
import org.newsmonitor.themes.Document;

/**
 * One article of a labelled set with the themes an analyst files it under.
 *
 * @param id       article id, e.g. "eval-001"
 * @param title    headline
 * @param summary  a news lead of a sentence or a few
 * @param content  full text; may be empty
 * @param language "en", "ru", "zh" or empty
 * @param labels   theme ids the article belongs to; empty for a negative example
 */
public record LabelledArticle(String id, String title, String summary, String content, String language,
        List<String> labels) {
    public LabelledArticle {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        content = content == null ? "" : content;
        language = language == null ? "" : language;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** An article without full text. */
    public LabelledArticle(String id, String title, String summary, String language, List<String> labels) {
        this(id, title, summary, "", language, labels);
    }

    /** The article as the matcher sees it. */
    public Document toDocument() {
        return new Document(id, title, summary, content, language);
    }

    /** Whether an analyst labelled this article with {@code themeId}. */
    public boolean isLabelled(String themeId) {
        return labels.contains(themeId);
    }
}
