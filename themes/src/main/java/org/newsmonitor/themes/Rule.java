package org.newsmonitor.themes;

/**
 * One compiled rule line.
 *
 * @param weight     added to the theme's score when the expression holds (may be negative)
 * @param expression the compiled expression
 * @param source     the expression as written
 * @param line       line of the rule in the theme's origin file
 */
public record Rule(double weight, Expr expression, String source, int line) {
}
