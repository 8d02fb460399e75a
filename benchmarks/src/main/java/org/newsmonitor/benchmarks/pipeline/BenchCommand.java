package org.newsmonitor.benchmarks.pipeline;

import org.newsmonitor.benchmarks.LatencySummary;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code monitor bench}: on a fresh embedded broker in a temporary directory, measures the raw produce-consume
 * ceiling, the whole pipeline's sustained throughput, publish-to-alert latency at fixed offered loads, and the heap
 * after GC; prints a table and the pipeline/raw ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the pipeline's throughput, latency and memory on a fresh embedded broker.")
public final class BenchCommand implements Callable<Integer> {
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Option(names = "--articles", defaultValue = "20000",
            description = "Articles for the raw ceiling and the flat-out pipeline run (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--warmup", defaultValue = "20000",
            description = "Articles sent flat out before measuring, at least (default: ${DEFAULT-VALUE}); the "
                    + "warm-up goes on while the JIT compilers take more than a tenth of the CPU.")
    int warmupArticles;

    @Option(names = "--warmup-max", defaultValue = "500000",
            description = "Articles after which the warm-up ends even if the JIT compilers have not settled "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmupMaxArticles;

    @Option(names = "--duration", defaultValue = "10",
            description = "Seconds of each fixed-load latency run (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--loads", split = ",", defaultValue = "50,200,1000",
            description = "Offered loads in articles/s for the latency runs (default: ${DEFAULT-VALUE}).")
    List<Integer> loads;

    @Option(names = "--profile", defaultValue = "0",
            description = "Also list the N methods most often on the stream thread's stack during the flat-out run "
                    + "(default: ${DEFAULT-VALUE}, none).")
    int profileMethods;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (articles < 1 || durationSeconds < 1 || warmupArticles < 0 || warmupMaxArticles < 0 || profileMethods < 0
                || loads.stream().anyMatch(l -> l < 1)) {
            throw new IllegalArgumentException("--articles, --duration and --loads must be positive, --warmup, "
                    + "--warmup-max and --profile not negative");
        }
        Path dir = Files.createTempDirectory("monitor-bench");
        SyntheticArticles generator = new SyntheticArticles(42);
        try (BenchPipeline pipeline = BenchPipeline.startBroker(dir)) {
            out.println("bench: broker " + pipeline.kafka().bootstrapServers() + ", data in " + dir);
            Throughput raw;
            double averageBytes;
            try (PipelineLoad load = new PipelineLoad(pipeline.kafka(), generator)) {
                List<ProducerRecord<String, byte[]>> rawRecords = load.prepare("raw-", articles);
                averageBytes = rawRecords.stream().mapToInt(r -> r.value().length).average().orElse(0);
                List<byte[]> keys = rawRecords.stream().map(r -> r.key().getBytes()).toList();
                List<byte[]> values = rawRecords.stream().map(ProducerRecord::value).toList();
                out.printf("bench: %d articles, average %.0f bytes, %d partitions%n", articles, averageBytes,
                        load.articlePartitions());
                int warm = Math.min(warmupArticles, articles);
                if (warm > 0) {
                    RawCeiling.measure(pipeline.kafka(), "bench-raw-warmup", load.articlePartitions(),
                            keys.subList(0, warm), values.subList(0, warm), CATCH_UP);
                }
                raw = RawCeiling.measure(pipeline.kafka(), "bench-raw", load.articlePartitions(), keys, values,
                        CATCH_UP);
                out.printf("bench: raw ceiling %.0f articles/s%n", raw.perSecond());
            }
            pipeline.startServices();
            out.println("bench: stream and alerts services running");
            int minWarmUp = Math.max(200, warmupArticles);
            WarmUpRule rule = new WarmUpRule(minWarmUp, Math.max(minWarmUp, warmupMaxArticles),
                    WarmUpRule.SETTLED_JIT_SHARE);
            ReplayTimes replay = ReplayTimes.endingBefore(Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    rule.maxArticles() + (long) articles, ReplayTimes.DEFAULT_SPACING);
            try (PipelineLoad load = new PipelineLoad(pipeline.kafka(), generator);
                    AlertProbe probe = new AlertProbe(pipeline.kafka())) {
                WarmUp warmUp = warmUp(out, load, probe, rule, replay);
                out.printf("bench: warmed up with %d articles (JIT %.0f %% of the CPU in the last chunk)%n",
                        warmUp.articles(), 100 * warmUp.lastJitShare());
                List<ProducerRecord<String, byte[]>> flat = load.prepare("flat-", articles,
                        n -> replay.of(warmUp.articles() + (long) n));
                CpuByComponent.Snapshot cpuBefore = CpuByComponent.take();
                MachineCpu machineBefore = MachineCpu.read();
                Throughput through;
                Map<String, Double> streamThread;
                Map<String, Double> hottest;
                try (StreamThreadSampler sampler = StreamThreadSampler.start()) {
                    through = load.flatOut(flat, probe, CATCH_UP);
                    streamThread = sampler.stop();
                    hottest = sampler.hottestMethods(profileMethods);
                }
                Map<String, Long> cpu = CpuByComponent.between(cpuBefore, CpuByComponent.take());
                double[] machine = MachineCpu.read().sharesSince(machineBefore);
                awaitAlertsSettled(probe, "flat-", (articles + 1) / 2);
                out.printf("bench: pipeline %.0f articles/s%n", through.perSecond());
                // the same machine runs at different speeds from one hour to the next (other virtual machines on
                // its host): one thread's time for our per-article steps, measured now, tells runs apart
                double referenceMicros = StreamSteps.measure(2_000, 5).values().stream()
                        .mapToDouble(Double::doubleValue).sum();
                List<String> latencyRows = new ArrayList<>();
                for (int rate : loads) {
                    String prefix = "load" + rate + "-";
                    var records = load.prepare(prefix, rate * durationSeconds);
                    double achieved = load.paced(records, probe, rate);
                    load.awaitStreamCaughtUp(CATCH_UP);
                    awaitAlertsSettled(probe, prefix, (records.size() + 1) / 2);
                    LatencySummary s = LatencySummary.of(probe.latencies(prefix));
                    latencyRows.add(String.format("| %6d | %8.0f | %6d | %6d | %7.0f | %7.0f | %7.0f | %7.0f |",
                            rate, achieved, records.size(), s.count(), s.p50(), s.p95(), s.p99(), s.max()));
                    out.println("bench: latency run at " + rate + "/s done");
                }
                flat = null; // the benchmark's own copy of the articles is not the monitor's memory
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                printTable(out, raw, through, averageBytes, latencyRows, heap, probe.alerted("flat-"));
                out.printf("warm-up: %d articles, then the JIT compilers took %.0f %% of the CPU (the warm-up goes on "
                        + "until at most %.0f %%, or --warmup-max)%n", warmUp.articles(), 100 * warmUp.lastJitShare(),
                        100 * rule.jitShare());
                printCpu(out, cpu, through, machine);
                out.printf("Reference: our per-article steps on one thread, outside Kafka, right after the flat-out "
                        + "run (StreamSteps): %.1f us per article%n", referenceMicros);
                printStreamThread(out, streamThread, hottest);
            }
        } finally {
            deleteQuietly(dir);
        }
        return 0;
    }

    /** How the warm-up went: articles sent, and the JIT compilers' share of the CPU in its last chunk. */
    private record WarmUp(int articles, double lastJitShare) {
    }

    /**
     * Sends the replay's first articles flat out in chunks (so they need not all sit in memory), awaiting each,
     * until {@code rule} says the warm-up is done.
     */
    private static WarmUp warmUp(PrintWriter out, PipelineLoad load, AlertProbe probe, WarmUpRule rule,
            ReplayTimes replay) throws Exception {
        int chunk = 10_000;
        int sent = 0;
        Map<String, Long> lastChunk = Map.of();
        while (!rule.done(sent, lastChunk)) {
            String prefix = "warmup" + sent / chunk + "-";
            int n = Math.min(chunk, rule.maxArticles() - sent);
            int first = sent;
            CpuByComponent.Snapshot before = CpuByComponent.take();
            load.flatOut(load.prepare(prefix, n, i -> replay.of(first + (long) i)), probe, CATCH_UP);
            awaitAlertsSettled(probe, prefix, (n + 1) / 2);
            lastChunk = CpuByComponent.between(before, CpuByComponent.take());
            sent += n;
            if (sent % 100_000 == 0) {
                out.printf("bench: warm-up at %d articles, JIT %.0f %% of the CPU%n", sent,
                        100 * WarmUpRule.jitShareOf(lastChunk));
                out.flush();
            }
        }
        return new WarmUp(sent, WarmUpRule.jitShareOf(lastChunk));
    }

    private static void printCpu(PrintWriter out, Map<String, Long> cpu, Throughput through, double[] machine) {
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%nCPU during the flat-out run: %.1f s over %.1f s of wall time (%.2f cores busy)%n",
                total / 1e9, through.seconds(), total / 1e9 / through.seconds());
        out.printf("The machine's CPUs meanwhile (/proc/stat): %.0f %% busy, %.0f %% idle, %.1f %% stolen by the "
                + "hypervisor%n%n", 100 * machine[0], 100 * machine[1], 100 * machine[2]);
        out.println("| component | CPU s | share | CPU us per article |");
        out.println("|---|--------:|------:|------:|");
        cpu.forEach((component, nanos) -> out.printf("| %s | %.1f | %.0f %% | %.0f |%n", component, nanos / 1e9,
                total == 0 ? 0 : 100.0 * nanos / total, nanos / 1e3 / through.articles()));
        out.printf("| all | %.1f | 100 %% | %.0f |%n", total / 1e9, total / 1e3 / through.articles());
        out.flush();
    }

    private static void printStreamThread(PrintWriter out, Map<String, Double> shares, Map<String, Double> hottest) {
        out.printf("%nStream thread's wall time during the flat-out run (stack samples every 10 ms):%n%n");
        out.println("| activity | share |");
        out.println("|---|------:|");
        shares.forEach((activity, share) -> out.printf("| %s | %.0f %% |%n", activity, 100 * share));
        if (!hottest.isEmpty()) {
            out.printf("%nMethods most often on the stream thread's stack (share of samples, callees included):%n%n");
            out.println("| method | share |");
            out.println("|---|------:|");
            hottest.forEach((method, share) -> out.printf("| %s | %.1f %% |%n", method, 100 * share));
        }
        out.flush();
    }

    /** Waits until the expected alerts arrived, or no new alert has come for two seconds (at most a minute). */
    private static void awaitAlertsSettled(AlertProbe probe, String prefix, int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = probe.alerted(prefix);
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(2).toNanos()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void printTable(PrintWriter out, Throughput raw, Throughput through, double averageBytes,
            List<String> latencyRows, long heap, int flatAlerts) {
        out.println();
        out.printf("Articles of %.0f bytes (JSON), half of them mentioning a theme.%n%n", averageBytes);
        out.println("| run                                   | articles | seconds | articles/s |");
        out.println("|---------------------------------------|---------:|--------:|-----------:|");
        out.printf("| raw ceiling: produce -> consume       | %8d | %7.2f | %10.0f |%n", raw.articles(), raw.seconds(),
                raw.perSecond());
        out.printf("| pipeline flat out -> theme matches    | %8d | %7.2f | %10.0f |%n", through.articles(),
                through.seconds(), through.perSecond());
        out.printf("%npipeline/raw ratio: %.3f (%.1fx slower); alerts from the flat-out run: %d articles%n%n",
                through.perSecond() / raw.perSecond(), raw.perSecond() / through.perSecond(), flatAlerts);
        out.println("| offered/s | achieved/s | sent | alerted | p50 ms | p95 ms | p99 ms | max ms |");
        out.println("|-------:|---------:|-------:|-------:|--------:|--------:|--------:|--------:|");
        latencyRows.forEach(out::println);
        out.printf("%nheap after GC at the end: %.1f MB (broker, stream and alerts services in one JVM)%n",
                heap / 1048576.0);
        out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
