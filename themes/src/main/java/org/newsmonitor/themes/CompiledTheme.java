package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A theme whose rules and require expression have been parsed against a lexicon. Immutable. */
public final class CompiledTheme {
    private static final Pattern WEIGHT = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(?:\\[([^\\]]*)\\]\\s*)?:");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ThemeSpec spec;
    private final List<Rule> rules;
    private final Expr require;
    private final List<String> subTopics;

    private CompiledTheme(ThemeSpec spec, List<Rule> rules, Expr require) {
        this.spec = spec;
        this.rules = List.copyOf(rules);
        this.require = require;
        List<String> ids = new ArrayList<>();
        if (spec.subTopics() != null) {
            spec.subTopics().forEach(t -> ids.add(t.id()));
        }
        for (Rule r : rules) {
            r.subTopics().stream().filter(t -> !ids.contains(t)).forEach(ids::add);
        }
        this.subTopics = List.copyOf(ids);
    }

    /** Compiles a theme; throws the first problem found. */
    public static CompiledTheme compile(ThemeSpec spec, Lexicon lexicon) throws ThemeSyntaxException {
        List<ThemeSyntaxException> problems = new ArrayList<>();
        CompiledTheme theme = build(spec, lexicon, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return theme;
    }

    /** Every problem in a theme (empty when it compiles), so that an author sees them all at once. */
    public static List<ThemeSyntaxException> problems(ThemeSpec spec, Lexicon lexicon) {
        List<ThemeSyntaxException> problems = new ArrayList<>();
        build(spec, lexicon, problems);
        return problems;
    }

    /** Compiles several themes against one lexicon, in order; throws the first problem found. */
    public static List<CompiledTheme> compileAll(Collection<ThemeSpec> specs, Lexicon lexicon)
            throws ThemeSyntaxException {
        List<CompiledTheme> out = new ArrayList<>(specs.size());
        for (ThemeSpec s : specs) {
            out.add(compile(s, lexicon));
        }
        return out;
    }

    /** A theme of the one rule {@code rule}, already parsed (a private {@link Query}); ids are not checked. */
    static CompiledTheme single(ThemeSpec spec, Rule rule) {
        return new CompiledTheme(spec, List.of(rule), null);
    }

    private static CompiledTheme build(ThemeSpec spec, Lexicon lexicon, List<ThemeSyntaxException> problems) {
        String origin = spec.origin();
        String id = spec.id();
        if (!ID.matcher(id).matches()) {
            problems.add(new ThemeSyntaxException(id, origin, 0, 0, "id '" + id + "' must be kebab-case (a-z, 0-9, '-')"));
        }
        if (!(spec.minScore() > 0) || Double.isInfinite(spec.minScore())) {
            problems.add(new ThemeSyntaxException(id, origin, 0, 0, "minScore must be greater than 0, found "
                    + spec.minScore()));
        }
        RuleParser parser = new RuleParser(lexicon, id, origin);
        List<Rule> rules = new ArrayList<>();
        String[] lines = spec.rules().split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int fileLine = spec.rulesFirstLine() + i;
            String text = stripComment(lines[i]);
            if (text.isBlank()) {
                continue;
            }
            Matcher m = WEIGHT.matcher(text);
            int firstCol = spec.rulesIndent() + firstNonSpace(text) + 1;
            if (!m.lookingAt()) {
                problems.add(new ThemeSyntaxException(id, origin, fileLine, firstCol,
                        "missing weight: a rule reads 'WEIGHT: EXPRESSION', as in '3: gas NEAR/5 china'"));
                continue;
            }
            double weight = Double.parseDouble(m.group(1));
            List<String> tags = tags(spec, m, spec.rulesIndent() + 1, fileLine, weight, problems);
            if (weight == 0) {
                problems.add(new ThemeSyntaxException(id, origin, fileLine, firstCol,
                        "weight 0 has no effect: use a positive weight, or a negative one to count against"));
                continue;
            }
            String expression = text.substring(m.end());
            try {
                Expr e = parser.parse(expression, fileLine, spec.rulesIndent() + m.end() + 1);
                rules.add(new Rule(weight, e, expression.strip(), fileLine, tags));
            } catch (ThemeSyntaxException e) {
                problems.add(e);
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new ThemeSyntaxException(id, origin, spec.rulesFirstLine(), spec.rulesIndent() + 1,
                    "no rules: write one 'WEIGHT: EXPRESSION' per line"));
        }
        double reachable = rules.stream().mapToDouble(Rule::weight).filter(w -> w > 0).sum();
        if (!rules.isEmpty() && problems.isEmpty() && reachable + 1e-9 < spec.minScore()) {
            problems.add(new ThemeSyntaxException(id, origin, spec.rulesFirstLine(), spec.rulesIndent() + 1,
                    "minScore " + format(spec.minScore()) + " can never be reached: the positive weights add up to "
                            + format(reachable)));
        }
        if (spec.subTopics() != null && problems.isEmpty()) {
            for (SubTopic t : spec.subTopics()) {
                if (rules.stream().noneMatch(r -> r.weight() > 0 && r.subTopics().contains(t.id()))) {
                    problems.add(new ThemeSyntaxException(id, origin, t.line(), t.column(), "sub-topic '" + t.id()
                            + "' has no rule: tag at least one positive rule with [" + t.id() + "]"));
                }
            }
        }
        Expr require = null;
        if (spec.require() != null) {
            try {
                int line = spec.requireLine();
                int col = spec.requireColumn();
                require = parser.parse(spec.require(), line, line > 0 ? col : 1);
            } catch (ThemeSyntaxException e) {
                problems.add(new ThemeSyntaxException(id, origin, e.line(), e.column(), "require: " + e.problem()));
            }
        }
        return new CompiledTheme(spec, rules, require);
    }

    // the sub-topic ids in "WEIGHT [a, b]:", checked against the declared ones when the spec carries them
    private static List<String> tags(ThemeSpec spec, Matcher m, int indent, int fileLine, double weight,
            List<ThemeSyntaxException> problems) {
        if (m.group(2) == null) {
            return List.of();
        }
        int column = indent + m.start(2);
        List<String> tags = new ArrayList<>();
        for (String raw : m.group(2).split(",", -1)) {
            String tag = raw.strip();
            if (!ID.matcher(tag).matches()) {
                problems.add(new ThemeSyntaxException(spec.id(), spec.origin(), fileLine, column,
                        "sub-topic tag '" + tag + "' must be a kebab-case id, as in '5 [bank-payments]: ...'"));
            } else if (spec.subTopics() != null && spec.subTopics().stream().noneMatch(t -> t.id().equals(tag))) {
                String declared = spec.subTopics().isEmpty() ? "none; list them under 'subTopics'"
                        : String.join(", ", spec.subTopics().stream().map(SubTopic::id).toList());
                problems.add(new ThemeSyntaxException(spec.id(), spec.origin(), fileLine, column,
                        "unknown sub-topic '" + tag + "' (declared: " + declared + ")"));
            } else if (weight < 0) {
                problems.add(new ThemeSyntaxException(spec.id(), spec.origin(), fileLine, column,
                        "a negative rule cannot name a sub-topic: sub-topics say what a match is about"));
            } else {
                tags.add(tag);
            }
            column += raw.length() + 1;
        }
        return tags;
    }

    // drops a '#' comment that is not inside a quoted phrase
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Theme id. */
    public String id() {
        return spec.id();
    }

    /** Theme title. */
    public String title() {
        return spec.title();
    }

    /** Theme polarity. */
    public Polarity polarity() {
        return spec.polarity();
    }

    /** Total weight needed for a match. */
    public double minScore() {
        return spec.minScore();
    }

    /** The theme as written. */
    public ThemeSpec spec() {
        return spec;
    }

    /** The compiled rules in file order; never null. */
    public List<Rule> rules() {
        return rules;
    }

    /** Sub-topic ids: the declared ones in file order, then any other tag used by a rule. */
    public List<String> subTopics() {
        return subTopics;
    }

    /** The compiled require expression; null when the theme has none. */
    public Expr require() {
        return require;
    }
}
