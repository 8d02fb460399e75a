package org.newsmonitor.themes;

/** Where in an article a rule term may match. */
public enum Scope {
    /** Title, summary and content (no prefix in a rule). */
    ALL,
    /** The title only ({@code title:}). */
    TITLE,
    /** Summary and content ({@code body:}). */
    BODY;

    /** Whether a token in the given field ("title", "summary", "content") is in scope. */
    public boolean covers(String field) {
        return switch (this) {
            case ALL -> true;
            case TITLE -> "title".equals(field);
            case BODY -> !"title".equals(field);
        };
    }
}
