package org.newsmonitor.benchmarks.polling;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsmonitor.benchmarks.LatencySummary;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.PollingPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code monitor bench polling}: simulates, in virtual time, feeds publishing in realistic patterns over a week, polled
 * once at a fixed 15 minutes and once adaptively, both with the ingester's own {@link PollingPolicy} and host budget;
 * prints the delay from publication to fetch and the requests per day of each, and as its last line the ratios.
 */
@Command(name = "polling", mixinStandardHelpOptions = true,
        description = "Simulate a week of feeds in virtual time: fixed 15-minute against adaptive polling.")
public final class PollingBenchCommand implements Callable<Integer> {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
    private static final Duration FIXED = Duration.ofMinutes(15);
    private static final int DOCUMENT_SIZE = 30;

    @Option(names = "--feeds", defaultValue = "200", description = "Simulated feeds (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--days", defaultValue = "7", description = "Measured days (default: ${DEFAULT-VALUE}), after "
            + "one day of warm-up.")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--gap-fraction", description = "The policy's interval as a share of the expected gap, in (0, 1] "
            + "(default: the ingester's).")
    Double gapFraction;

    @Option(names = "--busy-cap", description = "The policy's longest interval while an item is expected within its "
            + "busy horizon, e.g. PT20M (default: the ingester's).")
    Duration busyCap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (feeds < 1 || days < 1) {
            throw new IllegalArgumentException("--feeds and --days must be positive, were " + feeds + " and " + days);
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant measureFrom = START.plus(Duration.ofDays(1));
        Instant end = measureFrom.plus(Duration.ofDays(days));
        // four weeks of earlier publications: the first poll of a feed finds its document full, as in reality
        List<SimulatedFeed> simulated = PublicationModel.feeds(feeds, seed, START.minus(Duration.ofDays(28)), end);
        PollingPolicy policy = PollingPolicy.defaults();
        if (gapFraction != null || busyCap != null) {
            policy = new PollingPolicy(gapFraction == null ? policy.gapFraction() : gapFraction, policy.burst(),
                    policy.historySize(), policy.minGaps(), policy.maxAgeCap(),
                    busyCap == null ? policy.busyCap() : busyCap, policy.busyHorizon());
        }
        int budget = IngestConfig.DEFAULT_HOST_REQUESTS_PER_HOUR;
        PollingSimulation simulation = new PollingSimulation(policy, budget, DOCUMENT_SIZE);
        SimulationResult fixed = simulation.run(simulated, f -> fixed(f.definition()), START, measureFrom, end, FIXED,
                seed);
        SimulationResult adaptive = simulation.run(simulated, SimulatedFeed::definition, START, measureFrom, end, FIXED,
                seed);
        long items = simulated.stream().flatMap(f -> f.publications().stream())
                .filter(t -> !t.isBefore(measureFrom) && t.isBefore(end)).count();
        out.printf("polling: %d feeds (%s), %d items published over %d days, host budget %d requests/h, policy %s%n",
                feeds, mix(simulated), items, days, budget, policy);
        out.println();
        out.println("| strategy | median delay | p95 delay | p99 delay | requests/day | items fetched | missed |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        row(out, "fixed 15 min", fixed);
        row(out, "adaptive", adaptive);
        out.println();
        LatencySummary a = adaptive.delays();
        LatencySummary f = fixed.delays();
        out.printf("polling: median-delay-ratio=%.3f p95-delay-ratio=%.3f requests-ratio=%.3f%n", a.p50() / f.p50(),
                a.p95() / f.p95(), adaptive.requestsPerDay() / fixed.requestsPerDay());
        out.flush();
        return 0;
    }

    private static FeedDefinition fixed(FeedDefinition d) {
        return new FeedDefinition(d.id(), d.url(), d.title(), d.language(), d.tags(), FIXED, d.timeZone());
    }

    private static String mix(List<SimulatedFeed> feeds) {
        StringBuilder s = new StringBuilder();
        for (SimulatedFeed.Kind kind : SimulatedFeed.Kind.values()) {
            long n = feeds.stream().filter(f -> f.kind() == kind).count();
            s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(kind.name().toLowerCase().replace('_', ' '));
        }
        return s.toString();
    }

    private static void row(PrintWriter out, String name, SimulationResult r) {
        LatencySummary d = r.delays();
        double days = r.span().toMillis() / 86_400_000.0;
        StringBuilder kinds = new StringBuilder();
        r.requestsByKind().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> kinds
                .append(kinds.isEmpty() ? "" : ", ").append(e.getKey().name().toLowerCase().replace('_', ' '))
                .append(' ').append(Math.round(e.getValue() / days)));
        out.printf("| %s | %s | %s | %s | %.0f (%s) | %d | %d |%n", name, minutes(d.p50()), minutes(d.p95()),
                minutes(d.p99()), r.requestsPerDay(), kinds, d.count(), r.missed());
    }

    private static String minutes(double millis) {
        return String.format("%.1f min", millis / 60_000);
    }
}
