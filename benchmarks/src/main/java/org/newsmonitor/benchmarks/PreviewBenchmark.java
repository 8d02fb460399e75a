package org.newsmonitor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.search.SubscriptionPreview;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;

/**
 * How long {@code POST /subscriptions/preview} takes over 100,000 held articles: generates them with
 * {@link ArticleGenerator} (published over the last 30 days, matched against the bundled catalog as the stream
 * service would record it), indexes them in an on-disk index as the alerts service does, then times typical
 * previews (median of several runs after a warm-up). Usage: {@code PreviewBenchmark [articles] [runs]}.
 */
public final class PreviewBenchmark {
    private static final long SEED = 20_261_206L;
    private static final String[] SOURCES = {"TASS", "Xinhua", "Reuters", "Interfax", "Caixin", "Kommersant",
        "SCMP", "RIA", "Global Times", "Eurasianet"};

    private PreviewBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        Matcher catalogMatcher = Matcher.of(catalog);
        ArticleText text = new ArticleText(TextLimits.MAX_CONTENT);
        Path dir = Files.createTempDirectory("preview-bench");
        try (SearchService service = new SearchService(ArticleIndex.onDisk(dir), ThemeFiles.bundledLexicon(), text,
                Clock.fixed(now, ZoneOffset.UTC))) {
            for (CompiledTheme t : catalog) {
                service.catalog().apply(t.id(), ThemeDefinitions.toDefinition(t.spec(), ThemeFiles.bundledLexicon(), 1, now));
            }
            long started = System.nanoTime();
            long matched = index(service, catalog, catalogMatcher, text, count, now);
            System.out.printf(Locale.ROOT, "%,d articles generated, matched against %d themes and indexed in %.1f s;"
                    + " %,d theme matches%n", count, catalog.size(), (System.nanoTime() - started) / 1e9, matched);
            String firstTheme = catalog.get(0).id();
            time(service, runs, "one theme (" + firstTheme + ")", List.of(firstTheme), null);
            time(service, runs, "all themes", List.of(), null);
            time(service, runs, "query: gas NEAR/5 (china OR beijing)", List.of(), "gas NEAR/5 (china OR beijing)");
            time(service, runs, "query: pipeline* AND NOT oil", List.of(), "pipeline* AND NOT oil");
            time(service, runs, "theme and query", List.of(firstTheme), "china OR beijing");
            time(service, runs, "broad query: china OR beijing OR russia", List.of(), "china OR beijing OR russia");
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long index(SearchService service, List<CompiledTheme> catalog, Matcher matcher, ArticleText text,
            int count, Instant now) {
        List<Expr.Term> terms = ThemeTerms.of(catalog);
        ArticleGenerator generator = new ArticleGenerator(SEED, terms, Vocabulary.inventedNames(3_000, SEED + 1));
        long window = Duration.ofDays(30).toMillis();
        long matches = 0;
        int done = 0;
        while (done < count) {
            int batch = Math.min(10_000, count - done);
            for (Document d : generator.generate(batch)) {
                int n = done++;
                Instant published = now.minusMillis(window - 1 - (long) n * (window - 1) / count);
                ArticleEvent a = ArticleEvent.of("a" + n, "bench", SOURCES[n % SOURCES.length],
                        "https://example.org/a" + n, d.title(), d.summary(), d.content(), d.language(), published,
                        published, List.of());
                service.index().index(a.id(), a);
                ArticleMatch m = ArticleMatch.of(text, matcher, a);
                for (ThemeHit hit : m.hits()) {
                    service.index().annotate(a.id(), MatchEvents.toEvent(m.article(), hit, published));
                    matches++;
                }
            }
        }
        return matches;
    }

    private static void time(SearchService service, int runs, String label, List<String> themes, String query) {
        try {
            Query q = query == null ? null : Query.parse(query, ThemeFiles.bundledLexicon());
            SubscriptionPreview.Request request = new SubscriptionPreview.Request("bench", themes, 0, List.of(),
                    List.of(), q, null, null);
            SubscriptionPreview.Result result = service.preview().preview(request);
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                result = service.preview().preview(request);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-40s %,7d held, %,7d scanned, %,7d alerts: median %5.0f ms (max %5.0f)%n",
                    label, result.articlesHeld(), result.articlesScanned(), result.alerts(), ms[runs / 2],
                    ms[runs - 1]);
        } catch (QueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

}
