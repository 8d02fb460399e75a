package org.newsmonitor.themes;

import java.util.List;
import java.util.Objects;

/**
 * A theme as written, not yet compiled.
 *
 * @param id             kebab-case theme id
 * @param title          short human title
 * @param description    what the theme covers; never null
 * @param polarity       cooperation, friction or mixed
 * @param seeds          seed documents that motivate the theme; never null
 * @param minScore       total rule weight needed for a match (greater than 0)
 * @param require        expression that must also hold, e.g. "@russia AND @china"; may be null
 * @param rules          rule lines "WEIGHT: EXPRESSION"
 * @param origin         file path or e.g. "topic news-themes", used in error messages
 * @param rulesFirstLine line in the origin file of the first line of {@code rules} (1 when the rules stand alone)
 * @param rulesIndent    columns of indentation stripped from each rule line in the file (0 when unknown)
 * @param requireLine    line in the origin file where the require expression starts (0 when unknown)
 * @param requireColumn  column in the origin file where the require expression starts (0 when unknown)
 * @param subTopics      the sub-topics the file declares (empty when it declares none); null when the source does
 *                       not carry them (a theme read from news-themes), in which case rule tags are taken as they are
 */
public record ThemeSpec(String id, String title, String description, Polarity polarity, List<Seed> seeds,
        double minScore, String require, String rules, String origin, int rulesFirstLine, int rulesIndent,
        int requireLine, int requireColumn, List<SubTopic> subTopics) {

    public ThemeSpec {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        description = description == null ? "" : description.strip();
        Objects.requireNonNull(polarity, "polarity");
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        require = require == null || require.isBlank() ? null : require;
        rules = rules == null ? "" : rules;
        origin = origin == null ? "theme " + id : origin;
        rulesFirstLine = Math.max(rulesFirstLine, 1);
        rulesIndent = Math.max(rulesIndent, 0);
        subTopics = subTopics == null ? null : List.copyOf(subTopics);
    }

    /** A theme whose source positions are unknown beyond the rules text itself (e.g. one read from a topic). */
    public ThemeSpec(String id, String title, String description, Polarity polarity, List<Seed> seeds,
            double minScore, String require, String rules, String origin, int rulesFirstLine) {
        this(id, title, description, polarity, seeds, minScore, require, rules, origin, rulesFirstLine, 0, 0, 0, null);
    }

    /** The declared sub-topics; empty when the file declares none or the source does not carry them. */
    public List<SubTopic> declaredSubTopics() {
        return subTopics == null ? List.of() : subTopics;
    }

    /** A theme from another source than a file: rule line numbers in errors count from the first rule line. */
    public static ThemeSpec of(String id, String title, String description, Polarity polarity, List<Seed> seeds,
            double minScore, String require, String rules, String origin) {
        return new ThemeSpec(id, title, description, polarity, seeds, minScore, require, rules, origin, 1);
    }
}
