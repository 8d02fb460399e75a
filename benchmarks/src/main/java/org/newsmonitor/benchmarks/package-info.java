/**
 * Throughput of the theme matcher against a Lucene monitor baseline running the same themes.
 *
 * <p>{@link org.newsmonitor.benchmarks.MatcherBenchmark} is the JMH benchmark (run its {@code main} for the
 * ratios); {@link org.newsmonitor.benchmarks.QuickBenchmark} is a quick mode without forks. Both use the same
 * deterministic fixture: generated ~3 KB articles, the bundled catalog, and 10,000 generated subscription rules,
 * and time both engines on the same articles in the same order. The baseline ({@code LuceneThemeMonitor}) registers
 * rules and shared clauses as separate monitor queries over one text field with rule prefixes indexed as terms
 * ({@code LuceneQueries}, {@code PrefixIndexingAnalyzer}, {@code TermSetPresearch}) and sums the weights outside
 * the monitor; {@code Equivalence} checks it finds the matcher's themes. See docs/performance.md.
 *
 * <p>{@link org.newsmonitor.benchmarks.BenchMain} is {@code ./monitor bench}: the pipeline benchmark
 * ({@code org.newsmonitor.benchmarks.pipeline}) and, as its subcommands, the other benchmarks
 * ({@code org.newsmonitor.benchmarks.polling}, ...). The {@code monitor} script builds this module and runs
 * {@code BenchMain} for those commands, so that the monitor itself carries no benchmark code.
 */
package org.newsmonitor.benchmarks;
