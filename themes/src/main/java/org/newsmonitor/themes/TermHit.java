package org.newsmonitor.themes;

/**
 * One matched rule term and where it was found.
 *
 * @param term  the rule term as written (a word, a prefix such as "pipeline*", or a phrase without quotes)
 * @param field "title", "summary" or "content"
 * @param start character offset of the match in that field's text (inclusive)
 * @param end   character offset of the match in that field's text (exclusive)
 */
public record TermHit(String term, String field, int start, int end) {
}
