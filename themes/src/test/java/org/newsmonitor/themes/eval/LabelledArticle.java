package org.newsmonitor.themes.eval;

import java.util.List;
import java.util.Objects;
import org.newsmonitor.themes.Document;

/**
 * One article of the evaluation set with the themes an analyst would expect it to match.
 *
 * @param id       article id, e.g. "eval-001"
 * @param title    headline
 * @param summary  a news lead of a few sentences
 * @param language "en", "ru" or "zh"
 * @param labels   theme ids the article belongs to; empty for a negative example
 */
public record LabelledArticle(String id, String title, String summary, String language, List<String> labels) {
    public LabelledArticle {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** The article as the matcher sees it. */
    public Document toDocument() {
        return new Document(id, title, summary, null, language);
    }

    /** Whether an analyst labelled this article with {@code themeId}. */
    public boolean isLabelled(String themeId) {
        return labels.contains(themeId);
    }
}
