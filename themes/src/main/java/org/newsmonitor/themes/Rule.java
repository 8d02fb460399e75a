package org.newsmonitor.themes;

import java.util.List;

/**
 * One compiled rule line.
 *
 * @param weight     added to the theme's score when the expression holds (may be negative)
 * @param expression the compiled expression
 * @param source     the expression as written
 * @param line       line of the rule in the theme's origin file
 * @param subTopics  ids of the sub-topics the rule is tagged with ({@code 5 [id]: ...}); never null
 */
public record Rule(double weight, Expr expression, String source, int line, List<String> subTopics) {
    public Rule {
        subTopics = subTopics == null ? List.of() : List.copyOf(subTopics);
    }

    /** A rule without sub-topic tags. */
    public Rule(double weight, Expr expression, String source, int line) {
        this(weight, expression, source, line, List.of());
    }
}
