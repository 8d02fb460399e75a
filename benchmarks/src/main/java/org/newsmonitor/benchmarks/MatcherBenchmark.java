package org.newsmonitor.benchmarks;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Matcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: articles per second on one thread, matcher vs Lucene monitor, for the bundled catalog and for the catalog
 * plus 10,000 subscription rules. One benchmark invocation matches all the fixture's ~3 KB articles in the same
 * order for both engines, and JMH divides by their number, so the scores are articles per second over the same
 * articles. {@link #main} runs it and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class MatcherBenchmark {

    /** Which rule set is loaded. */
    @Param({BenchmarkFixture.CATALOG, BenchmarkFixture.CATALOG_PLUS_10K})
    public String ruleSet;

    /** The articles, every one matched in this order by every benchmark operation. */
    private List<Document> articles;

    /** Builds the articles. */
    @Setup(Level.Trial)
    public void setUp() {
        articles = BenchmarkFixture.create().articles;
    }

    /** The matcher for the rule set; only the benchmark that uses it builds it. */
    @State(Scope.Benchmark)
    public static class MatcherState {
        Matcher matcher;

        /** Builds the matcher. */
        @Setup(Level.Trial)
        public void setUp(MatcherBenchmark bench) {
            matcher = Matcher.of(BenchmarkFixture.create().ruleSet(bench.ruleSet));
        }
    }

    /** The Lucene monitor for the rule set; only the benchmark that uses it builds it. */
    @State(Scope.Benchmark)
    public static class LuceneState {
        LuceneThemeMonitor lucene;

        /** Builds the monitor. */
        @Setup(Level.Trial)
        public void setUp(MatcherBenchmark bench) {
            lucene = new LuceneThemeMonitor(BenchmarkFixture.create().ruleSet(bench.ruleSet));
        }

        /** Closes the monitor. */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            lucene.close();
        }
    }

    /** The theme matcher on every article, in order; the score is per article. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkFixture.ARTICLES)
    public void themesMatcher(MatcherState state, Blackhole sink) {
        for (Document d : articles) {
            sink.consume(state.matcher.match(d));
        }
    }

    /** The Lucene monitor (the weights summed after it) on the same articles in the same order. */
    @Benchmark
    @OperationsPerInvocation(BenchmarkFixture.ARTICLES)
    public void luceneMonitor(LuceneState state, Blackhole sink) {
        for (Document d : articles) {
            sink.consume(state.lucene.match(d));
        }
    }

    /** Runs the JMH benchmark and prints throughputs and ratios. Arguments are passed on as a JMH include. */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(MatcherBenchmark.class.getSimpleName() + (args.length > 0 ? args[0] : ""))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            score.put(method + "/" + r.getParams().getParam("ruleSet"), r.getPrimaryResult().getScore());
        }
        System.out.println();
        for (String set : List.of(BenchmarkFixture.CATALOG, BenchmarkFixture.CATALOG_PLUS_10K)) {
            Double ours = score.get("themesMatcher/" + set);
            Double theirs = score.get("luceneMonitor/" + set);
            if (ours != null && theirs != null) {
                System.out.printf(Locale.ROOT, "[%s] matcher %,.0f articles/s, lucene monitor %,.0f articles/s,"
                        + " ratio %.1fx%n", set, ours, theirs, ours / theirs);
            }
        }
        Double small = score.get("themesMatcher/" + BenchmarkFixture.CATALOG);
        Double large = score.get("themesMatcher/" + BenchmarkFixture.CATALOG_PLUS_10K);
        if (small != null && large != null) {
            System.out.printf(Locale.ROOT, "matcher slowdown with %d extra rules: %.2fx%n",
                    BenchmarkFixture.EXTRA_RULES, small / large);
        }
    }
}
