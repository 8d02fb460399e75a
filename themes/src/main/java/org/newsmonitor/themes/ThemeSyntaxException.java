package org.newsmonitor.themes;

/**
 * A theme or lexicon file that cannot be used, with the place of the problem.
 * The message reads {@code <origin>:<line>:<column>: theme '<id>': <problem>}; line and column are 1-based
 * positions in the file itself, and are left out of the message when unknown (0).
 */
public final class ThemeSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String themeId;
    private final String origin;
    private final int line;
    private final int column;
    private final String problem;

    /** A problem in theme {@code themeId} at {@code origin:line:column}. */
    public ThemeSyntaxException(String themeId, String origin, int line, int column, String problem) {
        super(format(themeId, origin, line, column, problem));
        this.themeId = themeId;
        this.origin = origin;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(String themeId, String origin, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(origin == null ? "?" : origin);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        sb.append(": ");
        if ("lexicon".equals(themeId)) {
            sb.append("lexicon: ");
        } else {
            sb.append("theme '").append(themeId == null ? "?" : themeId).append("': ");
        }
        return sb.append(problem).toString();
    }

    /** Id of the theme (the file name without extension when the id could not be read; "lexicon" for the lexicon). */
    public String themeId() {
        return themeId;
    }

    /** File path or other origin such as "topic news-themes". */
    public String origin() {
        return origin;
    }

    /** 1-based line in the file; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the file; 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location prefix. */
    public String problem() {
        return problem;
    }
}
