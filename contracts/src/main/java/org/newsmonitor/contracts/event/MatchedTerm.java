package org.newsmonitor.contracts.event;

/**
 * One piece of evidence for a match: the rule term and where it was found.
 *
 * @param term  the rule term or phrase that matched, as written in the theme
 * @param field "title", "summary" or "content"
 * @param start character offset of the match in that field (inclusive)
 * @param end   character offset of the match in that field (exclusive)
 */
public record MatchedTerm(String term, String field, int start, int end) {
    public MatchedTerm {
        term = Checks.nonBlank("MatchedTerm", "term", term);
        field = Checks.nonBlank("MatchedTerm", "field", field);
        if (start < 0 || end < start) {
            throw new InvalidRecordException("MatchedTerm", "start", "must satisfy 0 <= start <= end, was " + start + ".." + end);
        }
    }
}
