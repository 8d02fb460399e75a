package org.newsmonitor.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads theme files (YAML) with line/column error messages, and the catalog shipped with the library. */
public final class ThemeFiles {
    /** File name of the shared term lists in a theme directory. */
    public static final String LEXICON_FILE = "lexicon.yaml";
    /** Classpath folder of the bundled catalog. */
    public static final String BUNDLED_FOLDER = "themes/";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS =
            Set.of("id", "title", "description", "polarity", "seeds", "minScore", "require", "rules", "subTopics");
    private static final Set<String> SUB_TOPIC_KEYS = Set.of("id", "description");
    private static final Set<String> SEED_KEYS = Set.of("file", "section");

    private ThemeFiles() {
    }

    /** Parses one theme file's text; {@code origin} (usually the path) appears in error messages. */
    public static ThemeSpec parse(String yaml, String origin) throws ThemeSyntaxException {
        String fallbackId = stem(origin);
        YamlNode root = YamlReader.read(yaml, origin, fallbackId);
        if (root.kind != YamlNode.Kind.MAP) {
            throw new ThemeSyntaxException(fallbackId, origin, root.line, root.column,
                    "a theme file is a mapping with keys id, title, description, polarity, seeds, minScore,"
                            + " require and rules; found " + root.describe());
        }
        YamlNode idNode = root.map.get("id");
        String id = idNode != null && idNode.kind == YamlNode.Kind.SCALAR ? idNode.text.strip() : fallbackId;
        Problems p = new Problems(id, origin);
        for (String key : root.map.keySet()) {
            if (!KEYS.contains(key)) {
                int[] at = root.keyPositions.get(key);
                throw p.at(at[0], at[1], "unknown key '" + key + "' (allowed: id, title, description, polarity,"
                        + " seeds, minScore, require, rules, subTopics)");
            }
        }
        scalar(root, "id", true, p);
        if (!ID.matcher(id).matches()) {
            throw p.at(idNode, "id '" + id + "' must be kebab-case (a-z, 0-9, '-'), as in 'power-of-siberia'");
        }
        String title = scalar(root, "title", true, p);
        String description = scalar(root, "description", false, p);
        String polarityText = scalar(root, "polarity", true, p);
        Polarity polarity = Polarity.parse(polarityText).orElseThrow(() -> p.at(root.map.get("polarity"),
                "unknown polarity '" + polarityText + "' (use cooperation, friction or mixed)"));
        List<Seed> seeds = seeds(root.map.get("seeds"), p);
        YamlNode minNode = root.map.get("minScore");
        String minText = scalar(root, "minScore", true, p);
        double minScore;
        try {
            minScore = Double.parseDouble(minText.strip());
        } catch (NumberFormatException e) {
            throw p.at(minNode, "minScore must be a number, found '" + minText + "'");
        }
        if (!(minScore > 0) || Double.isInfinite(minScore)) {
            throw p.at(minNode, "minScore must be greater than 0, found " + minText);
        }
        String require = scalar(root, "require", false, p);
        String rules = scalar(root, "rules", true, p);
        if (rules.isBlank()) {
            throw p.at(root.map.get("rules"), "rules are empty: write one 'WEIGHT: EXPRESSION' per line");
        }
        String[] lines = yaml.split("\\R", -1);
        int[] rulesAt = contentStart(lines, root.map.get("rules"), p);
        int[] requireAt = require == null ? new int[] {0, 0} : contentStart(lines, root.map.get("require"), p);
        return new ThemeSpec(id, title.strip(), description, polarity, seeds, minScore, require, rules, origin,
                rulesAt[0], rulesAt[1], requireAt[0], requireAt[1] + 1, subTopics(root.map.get("subTopics"), p));
    }

    /** Loads one theme file, or every {@code *.yaml} in a directory except lexicon.yaml (sorted by file name). */
    public static List<ThemeSpec> load(Path fileOrDirectory) throws ThemeSyntaxException {
        if (Files.isDirectory(fileOrDirectory)) {
            List<ThemeSpec> specs = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (Path file : themeFilesIn(fileOrDirectory)) {
                ThemeSpec spec = loadFile(file);
                String before = seen.putIfAbsent(spec.id(), file.toString());
                if (before != null) {
                    throw new ThemeSyntaxException(spec.id(), file.toString(), 0, 0,
                            "id '" + spec.id() + "' is already used by " + before);
                }
                specs.add(spec);
            }
            return specs;
        }
        return List.of(loadFile(fileOrDirectory));
    }

    /** The theme files in a directory: every *.yaml (or *.yml) except the lexicon, sorted by name. */
    public static List<Path> themeFilesIn(Path directory) throws ThemeSyntaxException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && isYaml(f)
                            && !f.getFileName().toString().equals(LEXICON_FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ThemeSyntaxException(stem(directory.toString()), directory.toString(), 0, 0,
                    "cannot list the directory: " + e.getMessage());
        }
    }

    /** The lexicon that goes with a theme file or directory: its lexicon.yaml if present, else the bundled one. */
    public static Lexicon lexiconFor(Path fileOrDirectory) throws ThemeSyntaxException {
        Path dir = Files.isDirectory(fileOrDirectory) ? fileOrDirectory : fileOrDirectory.toAbsolutePath().getParent();
        Path lexicon = dir == null ? null : dir.resolve(LEXICON_FILE);
        if (lexicon != null && Files.isRegularFile(lexicon)) {
            return Lexicon.load(lexicon);
        }
        return bundledLexicon();
    }

    /** The catalog shipped in the library's resources (listed in themes/index.txt), in index order. */
    public static List<ThemeSpec> bundled() {
        return Bundled.SPECS;
    }

    /** The lexicon shipped in the library's resources (themes/lexicon.yaml). */
    public static Lexicon bundledLexicon() {
        return Bundled.LEXICON;
    }

    /** The bundled catalog compiled against the bundled lexicon. */
    public static List<CompiledTheme> bundledCompiled() {
        return Bundled.COMPILED;
    }

    private static ThemeSpec loadFile(Path file) throws ThemeSyntaxException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ThemeSyntaxException(stem(file.toString()), file.toString(), 0, 0,
                    "cannot read the file: " + e.getMessage());
        }
        ThemeSpec spec = parse(text, file.toString());
        String stem = stem(file.toString());
        if (!spec.id().equals(stem)) {
            int line = 1;
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("id:")) {
                    line = i + 1;
                    break;
                }
            }
            throw new ThemeSyntaxException(spec.id(), file.toString(), line, 1,
                    "id '" + spec.id() + "' must equal the file name '" + stem + "'");
        }
        return spec;
    }

    private static boolean isYaml(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static String stem(String origin) {
        if (origin == null) {
            return "?";
        }
        String name = origin.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String scalar(YamlNode root, String key, boolean required, Problems p) throws ThemeSyntaxException {
        YamlNode n = root.map.get(key);
        if (n == null || n.kind == YamlNode.Kind.NULL) {
            if (required) {
                throw n == null ? p.at(1, 1, "missing required key '" + key + "'")
                        : p.at(n, "'" + key + "' is empty");
            }
            return null;
        }
        if (n.kind != YamlNode.Kind.SCALAR) {
            throw p.at(n, "'" + key + "' must be text, found " + n.describe());
        }
        if (required && n.text.isBlank()) {
            throw p.at(n, "'" + key + "' is empty");
        }
        return n.text;
    }

    private static List<Seed> seeds(YamlNode n, Problems p) throws ThemeSyntaxException {
        if (n == null || n.kind == YamlNode.Kind.NULL) {
            return List.of();
        }
        if (n.kind != YamlNode.Kind.LIST) {
            throw p.at(n, "'seeds' must be a list of {file, section}, found " + n.describe());
        }
        List<Seed> seeds = new ArrayList<>();
        for (YamlNode s : n.list) {
            if (s.kind != YamlNode.Kind.MAP) {
                throw p.at(s, "each seed must be a mapping with 'file' and 'section', found " + s.describe());
            }
            for (String key : s.map.keySet()) {
                if (!SEED_KEYS.contains(key)) {
                    int[] at = s.keyPositions.get(key);
                    throw p.at(at[0], at[1], "unknown seed key '" + key + "' (allowed: file, section)");
                }
            }
            String file = scalar(s, "file", true, p);
            String section = scalar(s, "section", false, p);
            seeds.add(new Seed(file, section));
        }
        return seeds;
    }

    private static List<SubTopic> subTopics(YamlNode n, Problems p) throws ThemeSyntaxException {
        if (n == null || n.kind == YamlNode.Kind.NULL) {
            return List.of();
        }
        if (n.kind != YamlNode.Kind.LIST) {
            throw p.at(n, "'subTopics' must be a list of {id, description}, found " + n.describe());
        }
        List<SubTopic> out = new ArrayList<>();
        for (YamlNode s : n.list) {
            if (s.kind != YamlNode.Kind.MAP) {
                throw p.at(s, "each sub-topic must be a mapping with 'id' and 'description', found " + s.describe());
            }
            for (String key : s.map.keySet()) {
                if (!SUB_TOPIC_KEYS.contains(key)) {
                    int[] at = s.keyPositions.get(key);
                    throw p.at(at[0], at[1], "unknown sub-topic key '" + key + "' (allowed: id, description)");
                }
            }
            String id = scalar(s, "id", true, p).strip();
            if (!ID.matcher(id).matches()) {
                throw p.at(s.map.get("id"), "sub-topic id '" + id + "' must be kebab-case (a-z, 0-9, '-')");
            }
            if (out.stream().anyMatch(t -> t.id().equals(id))) {
                throw p.at(s.map.get("id"), "sub-topic id '" + id + "' is listed twice");
            }
            YamlNode idNode = s.map.get("id");
            out.add(new SubTopic(id, scalar(s, "description", false, p), idNode.line, idNode.column));
        }
        return out;
    }

    // {file line of the value's first content line, columns of indentation before its content (0-based)}
    private static int[] contentStart(String[] lines, YamlNode n, Problems p) throws ThemeSyntaxException {
        String line = n.line >= 1 && n.line <= lines.length ? lines[n.line - 1] : "";
        int col = n.column - 1;
        char c = col >= 0 && col < line.length() ? line.charAt(col) : ' ';
        if (c == '>') {
            throw p.at(n, "use a literal block ('|'), not a folded one ('>'): each line must stay one rule");
        }
        if (c == '|') {
            for (int i = n.line; i < lines.length; i++) {
                String l = lines[i];
                if (!l.isBlank()) {
                    int indent = 0;
                    while (indent < l.length() && l.charAt(indent) == ' ') {
                        indent++;
                    }
                    return new int[] {n.line + 1, indent};
                }
            }
            return new int[] {n.line + 1, 0};
        }
        if (c == '"' || c == '\'') {
            return new int[] {n.line, col + 1};
        }
        return new int[] {n.line, Math.max(col, 0)};
    }

    /** Builds exceptions for one theme. */
    private record Problems(String id, String origin) {
        ThemeSyntaxException at(int line, int col, String what) {
            return new ThemeSyntaxException(id, origin, line, col, what);
        }

        ThemeSyntaxException at(YamlNode n, String what) {
            return n == null ? at(1, 1, what) : at(n.line, n.column, what);
        }
    }

    /** The bundled catalog, read once on first use. */
    private static final class Bundled {
        static final Lexicon LEXICON = readLexicon();
        static final List<ThemeSpec> SPECS = readSpecs();
        static final List<CompiledTheme> COMPILED = compile();

        private static Lexicon readLexicon() {
            try {
                return Lexicon.parse(resource(LEXICON_FILE), BUNDLED_FOLDER + LEXICON_FILE);
            } catch (ThemeSyntaxException e) {
                throw new IllegalStateException("bundled lexicon is invalid: " + e.getMessage(), e);
            }
        }

        private static List<ThemeSpec> readSpecs() {
            List<ThemeSpec> specs = new ArrayList<>();
            for (String name : resource("index.txt").split("\\R")) {
                String file = name.strip();
                if (file.isEmpty() || file.startsWith("#") || file.equals(LEXICON_FILE)) {
                    continue;
                }
                try {
                    specs.add(parse(resource(file), BUNDLED_FOLDER + file));
                } catch (ThemeSyntaxException e) {
                    throw new IllegalStateException("bundled theme is invalid: " + e.getMessage(), e);
                }
            }
            return List.copyOf(specs);
        }

        private static List<CompiledTheme> compile() {
            try {
                return CompiledTheme.compileAll(SPECS, LEXICON);
            } catch (ThemeSyntaxException e) {
                throw new IllegalStateException("bundled theme is invalid: " + e.getMessage(), e);
            }
        }

        private static String resource(String name) {
            String path = BUNDLED_FOLDER + name;
            try (InputStream in = ThemeFiles.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled resource " + path, e);
            }
        }
    }
}
