package org.newsmonitor.themes;

import java.util.List;

/** Tiny themes and documents for tests. */
final class TestThemes {
    static final String LEXICON_YAML = """
            russia: [russia, russian*, moscow, putin, "russian federation", россия, росси*, 俄罗斯]
            china: [china, chinese, beijing, "xi jinping", китай*, 中国]
            """;

    private TestThemes() {
    }

    static Lexicon lexicon() {
        try {
            return Lexicon.parse(LEXICON_YAML, "test-lexicon.yaml");
        } catch (ThemeSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static CompiledTheme theme(String id, double minScore, String require, String rules) {
        try {
            return CompiledTheme.compile(ThemeSpec.of(id, id, "", Polarity.MIXED, List.of(), minScore, require, rules,
                    "test " + id), lexicon());
        } catch (ThemeSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A matcher with one theme whose single rule is {@code expression} (weight 1, minScore 1). */
    static Matcher rule(String expression) {
        return Matcher.of(List.of(theme("t", 1, null, "1: " + expression)));
    }

    static boolean matches(String expression, String title, String summary) {
        return !rule(expression).match(Document.of("a", title, summary)).isEmpty();
    }

    static boolean matches(String expression, String text) {
        return matches(expression, "", text);
    }
}
