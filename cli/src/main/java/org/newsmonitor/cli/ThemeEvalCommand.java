package org.newsmonitor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;
import org.newsmonitor.themes.ThemeSyntaxException;
import org.newsmonitor.themes.eval.EvaluationReport;
import org.newsmonitor.themes.eval.Evaluator;
import org.newsmonitor.themes.eval.LabelledSet;
import org.newsmonitor.themes.eval.QualityThresholds;
import org.newsmonitor.themes.eval.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `monitor themes eval FILE...`: precision, recall and F1 of a catalog on labelled JSON Lines, with every miss
 * explained. Exit 0 when every threshold is met, 1 when one is not or some input was refused, 2 when the themes
 * do not load or no article could be read.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores themes on labelled articles: precision, recall and F1, and every miss with its reason.",
                "Input: JSON Lines ({\"id\",\"title\",\"summary\",\"labels\":[theme ids]}); the report gives the "
                    + "figures per theme and overall, then every miss."})
final class ThemeEvalCommand implements Callable<Integer> {
    @Option(names = "--themes", paramLabel = "FILE|DIR", description = "Theme file or directory (default: the bundled catalog).")
    Path themes;

    @Option(names = "--min-precision", paramLabel = "[THEME=]X", description = "Minimum precision, for all themes or one; repeatable.")
    List<String> minPrecision = new ArrayList<>();

    @Option(names = "--min-recall", paramLabel = "[THEME=]X", description = "Minimum recall, for all themes or one; repeatable.")
    List<String> minRecall = new ArrayList<>();

    @Option(names = "--min-f1", paramLabel = "[THEME=]X", description = "Minimum F1, for all themes or one; repeatable.")
    List<String> minF1 = new ArrayList<>();

    @Option(names = "--no-negative-hits", paramLabel = "THEME", description = "The theme may not match an article without labels; repeatable.")
    List<String> cleanOnNegatives = new ArrayList<>();

    @Option(names = "--targets", description = "Apply the project targets (docs/themes.md): P and R >= 0.92 and no"
            + " unlabelled hit for the three named themes, F1 >= 0.85 for the others.")
    boolean projectTargets;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Labelled JSON Lines files.")
    List<Path> files;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        List<CompiledTheme> catalog = loadThemes(err);
        if (catalog == null) {
            return 2;
        }
        Set<String> ids = catalog.stream().map(CompiledTheme::id).collect(Collectors.toSet());
        QualityThresholds thresholds;
        try {
            thresholds = thresholds();
        } catch (IllegalArgumentException e) {
            err.println("themes eval: " + e.getMessage());
            return 2;
        }
        List<String> unknown = thresholds.namedThemes().stream().filter(t -> !ids.contains(t)).toList();
        if (!unknown.isEmpty()) {
            err.println("themes eval: thresholds name unknown themes: " + String.join(", ", unknown));
            return 2;
        }
        LabelledSet set = new LabelledSet(List.of(), List.of());
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                set = set.plus(LabelledSet.read(reader, file.toString(), ids));
            } catch (IOException e) {
                set = set.plus(new LabelledSet(List.of(), List.of(file + ": cannot read: " + e.getMessage())));
            }
        }
        set.problems().forEach(err::println);
        if (set.articles().isEmpty()) {
            err.println("themes eval: no labelled article could be read");
            return 2;
        }
        EvaluationReport report = Evaluator.evaluate(Matcher.of(catalog), set.articles());
        out.print(ReportText.render(files.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " (" + set.articles().size() + " articles)", report));
        List<String> failures = thresholds.failures(report);
        failures.forEach(f -> out.println("BELOW THRESHOLD " + f));
        out.flush();
        return failures.isEmpty() && set.problems().isEmpty() ? 0 : 1;
    }

    private QualityThresholds thresholds() {
        QualityThresholds t = projectTargets ? QualityThresholds.projectTargets() : QualityThresholds.none();
        for (String v : minPrecision) {
            Map.Entry<String, Double> e = QualityThresholds.parse(v);
            t = t.withPrecision(e.getKey().isEmpty() ? null : e.getKey(), e.getValue());
        }
        for (String v : minRecall) {
            Map.Entry<String, Double> e = QualityThresholds.parse(v);
            t = t.withRecall(e.getKey().isEmpty() ? null : e.getKey(), e.getValue());
        }
        for (String v : minF1) {
            Map.Entry<String, Double> e = QualityThresholds.parse(v);
            t = t.withF1(e.getKey().isEmpty() ? null : e.getKey(), e.getValue());
        }
        for (String theme : cleanOnNegatives) {
            t = t.withNoHitsOnNegatives(theme);
        }
        return t;
    }

    // the compiled themes, or null after printing every problem found
    private List<CompiledTheme> loadThemes(PrintStream err) {
        if (themes == null) {
            return ThemeFiles.bundledCompiled();
        }
        try {
            List<ThemeSpec> specs = ThemeFiles.load(themes);
            Lexicon lexicon = ThemeFiles.lexiconFor(themes);
            List<CompiledTheme> compiled = new ArrayList<>();
            boolean ok = true;
            for (ThemeSpec spec : specs) {
                List<ThemeSyntaxException> problems = CompiledTheme.problems(spec, lexicon);
                problems.forEach(p -> err.println(p.getMessage()));
                ok &= problems.isEmpty();
                if (problems.isEmpty()) {
                    compiled.add(CompiledTheme.compile(spec, lexicon));
                }
            }
            if (specs.isEmpty()) {
                err.println(themes + ": no theme files (*.yaml) found");
            }
            return ok && !specs.isEmpty() ? compiled : null;
        } catch (ThemeSyntaxException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
