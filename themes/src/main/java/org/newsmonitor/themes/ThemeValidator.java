package org.newsmonitor.themes;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks theme and lexicon files without starting anything ({@code ./monitor themes validate FILE...}).
 * A directory stands for its theme files and its lexicon. Theme files are checked against the lexicon.yaml next to
 * them, or the bundled lexicon when there is none.
 */
public final class ThemeValidator {
    /** Every file is valid. */
    public static final int OK = 0;
    /** At least one file has a problem. */
    public static final int INVALID = 1;
    /** No files were given. */
    public static final int USAGE = 2;

    private ThemeValidator() {
    }

    /**
     * Prints "ok FILE (N rules)" or "ok FILE (N rules, M sub-topics)" (or "ok FILE (N lists)" for a lexicon) to {@code out} for each valid file and one
     * line per problem to {@code err}.
     *
     * @return {@link #OK}, {@link #INVALID} or {@link #USAGE}
     */
    public static int validate(List<Path> files, PrintStream out, PrintStream err) {
        if (files == null || files.isEmpty()) {
            err.println("themes validate: give one or more theme files or directories");
            return USAGE;
        }
        boolean invalid = false;
        for (Path f : expand(files, err)) {
            invalid |= !check(f, out, err);
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                err.println(f + ": no such file or directory");
                invalid = true;
            }
        }
        return invalid ? INVALID : OK;
    }

    private static List<Path> expand(List<Path> files, PrintStream err) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                Path lexicon = f.resolve(ThemeFiles.LEXICON_FILE);
                if (Files.isRegularFile(lexicon)) {
                    out.add(lexicon);
                }
                try {
                    out.addAll(ThemeFiles.themeFilesIn(f));
                } catch (ThemeSyntaxException e) {
                    err.println(e.getMessage());
                }
            } else if (Files.exists(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean check(Path file, PrintStream out, PrintStream err) {
        if (file.getFileName().toString().equals(ThemeFiles.LEXICON_FILE)) {
            try {
                Lexicon lexicon = Lexicon.load(file);
                out.println("ok " + file + " (" + lexicon.names().size() + " lists)");
                return true;
            } catch (ThemeSyntaxException e) {
                err.println(e.getMessage());
                return false;
            }
        }
        Lexicon lexicon;
        try {
            lexicon = ThemeFiles.lexiconFor(file);
        } catch (ThemeSyntaxException e) {
            err.println(file + ": cannot check against a broken lexicon: " + e.getMessage());
            return false;
        }
        ThemeSpec spec;
        try {
            spec = ThemeFiles.load(file).get(0);
        } catch (ThemeSyntaxException e) {
            err.println(e.getMessage());
            return false;
        }
        List<ThemeSyntaxException> problems = CompiledTheme.problems(spec, lexicon);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p.getMessage()));
            return false;
        }
        try {
            CompiledTheme theme = CompiledTheme.compile(spec, lexicon);
            int subTopics = theme.subTopics().size();
            out.println("ok " + file + " (" + theme.rules().size() + " rules"
                    + (subTopics == 0 ? "" : ", " + subTopics + " sub-topics") + ")");
            return true;
        } catch (ThemeSyntaxException e) {
            err.println(e.getMessage());
            return false;
        }
    }
}
