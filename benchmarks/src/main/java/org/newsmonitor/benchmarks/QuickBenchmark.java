package org.newsmonitor.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Matcher;

/**
 * The quick mode: a few seconds per case on one thread, no JMH forks. Checks that the matcher and the Lucene monitor
 * baseline find the same themes on every evaluation and generated article, then prints articles per second for both
 * with the bundled catalog and with 10,000 extra subscription rules, the ratios, and the monitor queries run per
 * article. Usage: {@code QuickBenchmark [seconds per case]}. Each case is measured in alternating slices and the
 * median slice is reported, so that load from other processes affects all cases alike; every slice matches whole
 * passes over the generated articles in the same order, so both engines are timed on the same articles.
 */
public final class QuickBenchmark {
    /** Alternating measurement slices per case. */
    static final int ROUNDS = 5;

    private QuickBenchmark() {
    }

    /** Runs the quick benchmark. */
    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        BenchmarkFixture fixture = BenchmarkFixture.create();
        List<Document> eval = BenchmarkFixture.evaluationSet();
        System.out.printf(Locale.ROOT, "%d generated articles, %.0f characters on average; evaluation set: %d"
                + " articles; %.1f s per measurement, one thread%n", fixture.articles.size(),
                fixture.meanArticleChars(), eval.size(), seconds);
        String[] sets = {BenchmarkFixture.CATALOG, BenchmarkFixture.CATALOG_PLUS_10K};
        Matcher[] matchers = new Matcher[2];
        LuceneThemeMonitor[] monitors = new LuceneThemeMonitor[2];
        try {
            for (int i = 0; i < sets.length; i++) {
                List<CompiledTheme> themes = fixture.ruleSet(sets[i]);
                long built = System.nanoTime();
                matchers[i] = Matcher.of(themes);
                double matcherBuildMs = (System.nanoTime() - built) / 1e6;
                built = System.nanoTime();
                monitors[i] = new LuceneThemeMonitor(themes);
                double luceneBuildMs = (System.nanoTime() - built) / 1e6;
                describe(sets[i], themes, fixture.articles, matchers[i], monitors[i], matcherBuildMs, luceneBuildMs);
                report("evaluation set", Equivalence.compare(matchers[i], monitors[i], eval), eval.size());
                report("generated articles", Equivalence.compare(matchers[i], monitors[i], fixture.articles),
                        fixture.articles.size());
            }
            // the machine may be shared: alternate short slices of each case and keep the median of each
            double[][] slices = new double[4][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < 2; i++) {
                    Matcher matcher = matchers[i];
                    LuceneThemeMonitor monitor = monitors[i];
                    slices[i][round] = throughput(fixture.articles, d -> matcher.match(d).size(), seconds / ROUNDS);
                    slices[2 + i][round] = throughput(fixture.articles, d -> monitor.match(d).themes().size(),
                            seconds / ROUNDS);
                }
            }
            double[] ours = {median(slices[0]), median(slices[1])};
            double[] lucene = {median(slices[2]), median(slices[3])};
            System.out.println();
            for (int i = 0; i < 2; i++) {
                System.out.printf(Locale.ROOT, "[%s] matcher %,.0f articles/s, lucene monitor %,.0f articles/s,"
                        + " ratio %.1fx (target >= 5x)%n", sets[i], ours[i], lucene[i], ours[i] / lucene[i]);
            }
            System.out.printf(Locale.ROOT, "matcher slowdown with %d extra rules: %.2fx (target <= 2x);"
                    + " lucene monitor slowdown: %.2fx%n", BenchmarkFixture.EXTRA_RULES, ours[0] / ours[1],
                    lucene[0] / lucene[1]);
        } finally {
            for (LuceneThemeMonitor m : monitors) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }

    private static void describe(String set, List<CompiledTheme> themes, List<Document> articles, Matcher matcher,
            LuceneThemeMonitor monitor, double matcherBuildMs, double luceneBuildMs) {
        long matching = articles.stream().filter(d -> !matcher.match(d).isEmpty()).count();
        double perArticle = articles.stream().mapToInt(d -> matcher.match(d).size()).average().orElse(0);
        double evaluated = articles.stream().mapToInt(d -> {
            matcher.match(d);
            return matcher.lastEvaluatedCount();
        }).average().orElse(0);
        double queriesRun = articles.stream().mapToInt(d -> monitor.match(d).queriesRun()).average().orElse(0);
        System.out.printf(Locale.ROOT, "%n[%s] %d themes (matcher built in %.0f ms, monitor in %.0f ms);"
                + " %d of %d generated articles match a theme, %.1f themes per article%n", set, themes.size(),
                matcherBuildMs, luceneBuildMs, matching, articles.size(), perArticle);
        System.out.printf(Locale.ROOT, "  matcher: %.1f themes per article pass pre-selection and are evaluated%n",
                evaluated);
        System.out.printf(Locale.ROOT, "  lucene monitor: %d rules as %d distinct monitor queries; %.1f queries run"
                + " per article%n", monitor.ruleCount(), monitor.queryCount(), queriesRun);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(String what, List<Equivalence.Difference> diffs, int total) {
        System.out.printf(Locale.ROOT, "  same themes on %s: %d of %d articles%s%n", what, total - diffs.size(), total,
                diffs.isEmpty() ? "" : " (differences below)");
        diffs.stream().limit(20).forEach(d -> System.out.println("    differs " + d));
    }

    /**
     * Articles per second over whole passes through {@code docs} in order, until {@code seconds} have gone (at least
     * one pass). The comparison of both engines on every article before is their warm-up.
     */
    static double throughput(List<Document> docs, ToIntFunction<Document> work, double seconds) {
        long start = System.nanoTime();
        long done = 0;
        long sink = 0;
        long elapsed;
        do {
            sink += pass(docs, work);
            done += docs.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < seconds * 1e9);
        if (sink == Long.MIN_VALUE) {
            System.out.println("unreachable");
        }
        return done / (elapsed / 1e9);
    }

    private static long pass(List<Document> docs, ToIntFunction<Document> work) {
        long sink = 0;
        for (Document d : docs) {
            sink += work.applyAsInt(d);
        }
        return sink;
    }
}
