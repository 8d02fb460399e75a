package org.newsmonitor.themes.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.ThemeFiles;

/** The development set on the test classpath: the tuning part and the held-back part (see docs/themes.md). */
public final class EvaluationSet {

    /** The tuning part of the development set: rules are tuned on it. */
    public static final String MAIN = "eval/articles.jsonl";

    /** The held-back part of the development set: never used to tune rules. */
    public static final String HOLDOUT = "eval/held-back.jsonl";

    private EvaluationSet() {
    }

    /** Loads a set from the test classpath; any refused line fails with the resource name and line number. */
    public static List<LabelledArticle> fromResource(String resource) {
        Set<String> themes = ThemeFiles.bundledCompiled().stream().map(CompiledTheme::id).collect(Collectors.toSet());
        try (InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("evaluation set not found on the classpath: " + resource);
            }
            LabelledSet set = LabelledSet.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    resource, themes);
            if (!set.problems().isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", set.problems()));
            }
            return set.articles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evaluation set " + resource, e);
        }
    }
}
