package org.newsmonitor.themes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Offline matching for theme authors and backtests ({@code ./monitor match [--themes FILE|DIR] [INPUT...]}).
 * Reads JSON Lines (articles-topic JSON, or plain objects with {@code id}, {@code title}, {@code summary}) or RSS/Atom
 * files, and writes one JSON line per article in input order:
 * {@code {"id":…,"matches":[{"theme":…,"score":…,"terms":[{"term":…,"field":…,"start":…,"end":…}]}]}}
 * (plus {@code "note"} when the article was skipped or cut).
 */
public final class MatchRunner {
    /** Every input was read. */
    public static final int OK = 0;
    /** Some input lines or files could not be read; the rest was matched. */
    public static final int BAD_INPUT = 1;
    /** The themes could not be loaded; nothing was matched. */
    public static final int BAD_THEMES = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Matcher matcher;
    private final PrintStream out;
    private final PrintStream err;
    private boolean badInput;

    private MatchRunner(Matcher matcher, PrintStream out, PrintStream err) {
        this.matcher = matcher;
        this.out = out;
        this.err = err;
    }

    /**
     * Matches every article of {@code inputs} (or of {@code stdin} when there are none) against the themes in
     * {@code themes} (a file or directory; null for the bundled catalog).
     *
     * @return {@link #OK}, {@link #BAD_INPUT} or {@link #BAD_THEMES}
     */
    public static int run(Path themes, List<Path> inputs, InputStream stdin, PrintStream out, PrintStream err) {
        List<CompiledTheme> compiled = loadThemes(themes, err);
        if (compiled == null) {
            return BAD_THEMES;
        }
        MatchRunner runner = new MatchRunner(Matcher.of(compiled), out, err);
        if (inputs == null || inputs.isEmpty()) {
            runner.readStream(stdin, "stdin", false);
        } else {
            for (Path input : inputs) {
                runner.readFile(input);
            }
        }
        out.flush();
        return runner.badInput ? BAD_INPUT : OK;
    }

    // the compiled themes, or null after printing every problem found
    private static List<CompiledTheme> loadThemes(Path themes, PrintStream err) {
        if (themes == null) {
            return ThemeFiles.bundledCompiled();
        }
        List<ThemeSpec> specs;
        Lexicon lexicon;
        try {
            specs = ThemeFiles.load(themes);
            lexicon = ThemeFiles.lexiconFor(themes);
        } catch (ThemeSyntaxException e) {
            err.println(e.getMessage());
            return null;
        }
        if (specs.isEmpty()) {
            err.println(themes + ": no theme files (*.yaml) found");
            return null;
        }
        List<CompiledTheme> compiled = new ArrayList<>();
        boolean failed = false;
        for (ThemeSpec spec : specs) {
            List<ThemeSyntaxException> problems = CompiledTheme.problems(spec, lexicon);
            problems.forEach(p -> err.println(p.getMessage()));
            failed |= !problems.isEmpty();
            if (problems.isEmpty()) {
                try {
                    compiled.add(CompiledTheme.compile(spec, lexicon));
                } catch (ThemeSyntaxException e) {
                    err.println(e.getMessage());
                    failed = true;
                }
            }
        }
        return failed ? null : compiled;
    }

    private void readFile(Path input) {
        String name = input.toString();
        try (InputStream in = Files.newInputStream(input)) {
            readStream(in, name, looksLikeXmlName(name));
        } catch (IOException e) {
            problem(name + ": cannot read: " + e.getMessage());
        }
    }

    private void readStream(InputStream raw, String name, boolean xmlByName) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            if (xmlByName || startsWithAngle(in)) {
                readFeed(in, name);
            } else {
                readJsonLines(in, name);
            }
        } catch (IOException e) {
            problem(name + ": cannot read: " + e.getMessage());
        }
    }

    private void readFeed(InputStream in, String name) throws IOException {
        try {
            for (Document doc : FeedItems.read(in, name)) {
                emit(doc);
            }
        } catch (FeedItems.FeedException e) {
            problem(name + ":" + Math.max(e.line, 1) + ": " + e.getMessage());
        }
    }

    private void readJsonLines(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            Document doc;
            try {
                doc = article(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                problem(name + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
                continue;
            } catch (IllegalArgumentException e) {
                problem(name + ":" + number + ": " + e.getMessage());
                continue;
            }
            emit(doc);
        }
    }

    private static Document article(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with id, title and summary");
        }
        JsonNode id = node.get("id");
        if (id == null || id.isNull() || !id.isValueNode() || id.asText().isBlank()) {
            throw new IllegalArgumentException("missing \"id\"");
        }
        return new Document(id.asText(), text(node, "title"), text(node, "summary"), text(node, "content"),
                text(node, "language"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private void emit(Document doc) {
        MatchOutcome outcome = matcher.outcome(doc);
        ObjectNode line = JSON.createObjectNode();
        line.put("id", doc.id());
        ArrayNode matches = line.putArray("matches");
        for (ThemeHit hit : outcome.hits()) {
            ObjectNode m = matches.addObject();
            m.put("theme", hit.themeId());
            if (hit.score() == Math.rint(hit.score())) {
                m.put("score", (long) hit.score());
            } else {
                m.put("score", hit.score());
            }
            ArrayNode terms = m.putArray("terms");
            for (TermHit t : hit.terms()) {
                ObjectNode term = terms.addObject();
                term.put("term", t.term());
                term.put("field", t.field());
                term.put("start", t.start());
                term.put("end", t.end());
            }
        }
        if (outcome.note() != null) {
            line.put("note", outcome.note());
        }
        out.println(line.toString());
    }

    private void problem(String message) {
        badInput = true;
        err.println(message);
    }

    private static boolean looksLikeXmlName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom");
    }

    private static boolean startsWithAngle(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b == '<';
            }
            return false;
        } finally {
            in.reset();
        }
    }
}
