package org.newsmonitor.themes;

/**
 * A private query that cannot be used, with the place of the problem. The message reads
 * {@code column <n>: <problem>}, or just the problem when it concerns the whole query.
 */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    /**
     * @param position 1-based character position in the query of the problem; 0 when it concerns the whole query
     * @param problem  what is wrong, in one line
     */
    public QueryException(int position, String problem) {
        super(position > 0 ? "column " + position + ": " + problem : problem);
        this.position = position;
        this.problem = problem;
    }

    /** 1-based character position in the query; 0 when the problem concerns the whole query. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
