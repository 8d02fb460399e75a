package org.newsmonitor.themes;

import java.util.List;

/**
 * A theme that matched an article.
 *
 * @param themeId    theme id
 * @param themeTitle theme title
 * @param polarity   theme polarity
 * @param score      sum of the weights of the rules that held (at least the theme's minScore)
 * @param terms      matched terms of the positive rules that held, in field and text order; never null
 * @param snippet    short text around the first body match (or the title); never null
 * @param snippetTerms the matched terms inside the snippet, with field "snippet" and offsets into it; never null
 * @param subTopics  ids of the theme's sub-topics whose rules held, in the theme's order; never null, empty when
 *                   only untagged rules held
 */
public record ThemeHit(String themeId, String themeTitle, Polarity polarity, double score, List<TermHit> terms,
        String snippet, List<TermHit> snippetTerms, List<String> subTopics) {
    public ThemeHit {
        terms = List.copyOf(terms);
        snippet = snippet == null ? "" : snippet;
        snippetTerms = snippetTerms == null ? List.of() : List.copyOf(snippetTerms);
        subTopics = subTopics == null ? List.of() : List.copyOf(subTopics);
    }

    /** A hit that locates no term in its snippet and names no sub-topic. */
    public ThemeHit(String themeId, String themeTitle, Polarity polarity, double score, List<TermHit> terms,
            String snippet) {
        this(themeId, themeTitle, polarity, score, terms, snippet, List.of(), List.of());
    }
}
