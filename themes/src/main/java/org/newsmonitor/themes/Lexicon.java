package org.newsmonitor.themes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named term lists shared by themes (lexicon.yaml), referenced in rules as {@code @name}. Each entry is a word,
 * a prefix ({@code word*}) or a phrase (several words); it is a term, never an expression.
 */
public final class Lexicon {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Lexicon EMPTY = new Lexicon(Map.of(), "no lexicon", null);

    private final Map<String, List<Expr.Term>> lists;
    private final String origin;
    private final String text;

    private Lexicon(Map<String, List<Expr.Term>> lists, String origin, String text) {
        this.lists = Collections.unmodifiableMap(lists);
        this.origin = origin;
        this.text = text;
    }

    /** A lexicon without lists. */
    public static Lexicon empty() {
        return EMPTY;
    }

    /** Parses lexicon YAML: a mapping from kebab-case list names to lists of terms. */
    public static Lexicon parse(String yaml, String origin) throws ThemeSyntaxException {
        YamlNode root = YamlReader.read(yaml, origin, "lexicon");
        if (root.kind != YamlNode.Kind.MAP) {
            throw problem(origin, root.line, root.column,
                    "a lexicon is a mapping of list names to lists of terms, found " + root.describe());
        }
        Map<String, List<Expr.Term>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.map.entrySet()) {
            String name = e.getKey();
            int[] keyPos = root.keyPositions.get(name);
            if (!NAME.matcher(name).matches()) {
                throw problem(origin, keyPos[0], keyPos[1],
                        "list name '" + name + "' must be kebab-case (a-z, 0-9, '-')");
            }
            YamlNode value = e.getValue();
            if (value.kind != YamlNode.Kind.LIST || value.list.isEmpty()) {
                throw problem(origin, value.line, value.column,
                        "list '" + name + "' must be a non-empty list of terms, found " + value.describe());
            }
            List<Expr.Term> terms = new ArrayList<>();
            for (YamlNode entry : value.list) {
                if (entry.kind != YamlNode.Kind.SCALAR || entry.text.isBlank()) {
                    throw problem(origin, entry.line, entry.column,
                            "list '" + name + "': each entry must be a word, prefix or phrase, found " + entry.describe());
                }
                String written = entry.text.strip().replaceAll("\\s+", " ");
                try {
                    terms.add(new Expr.Term(written, TermSyntax.phrase(written), Scope.ALL));
                } catch (IllegalArgumentException ex) {
                    throw problem(origin, entry.line, entry.column, "list '" + name + "': " + ex.getMessage());
                }
            }
            lists.put(name, List.copyOf(terms));
        }
        return new Lexicon(lists, origin, yaml);
    }

    /** Reads and parses a lexicon file. */
    public static Lexicon load(Path file) throws ThemeSyntaxException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw problem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** The terms of list {@code name}; null when there is no such list. */
    public List<Expr.Term> list(String name) {
        return lists.get(name);
    }

    /** List names in file order. */
    public Set<String> names() {
        return lists.keySet();
    }

    /** The YAML this lexicon was parsed from, so that it can travel with the themes; null for the empty lexicon. */
    public String text() {
        return text;
    }

    /** Where this lexicon was read from. */
    public String origin() {
        return origin;
    }

    String namesHint() {
        if (lists.isEmpty()) {
            return " (no lexicon is loaded)";
        }
        return " (lists in " + origin + ": " + String.join(", ", lists.keySet()) + ")";
    }

    private static ThemeSyntaxException problem(String origin, int line, int col, String what) {
        return new ThemeSyntaxException("lexicon", origin, line, col, what);
    }
}
