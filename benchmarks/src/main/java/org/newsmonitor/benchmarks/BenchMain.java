package org.newsmonitor.benchmarks;

import java.io.PrintWriter;
import java.util.List;
import org.newsmonitor.benchmarks.freshness.FreshnessBenchCommand;
import org.newsmonitor.benchmarks.pipeline.BenchCommand;
import org.newsmonitor.benchmarks.polling.PollingBenchCommand;
import org.newsmonitor.cli.MonitorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./monitor bench ...}: the {@code monitor} script runs this class, on the benchmarks module's classpath, for
 * every command line that starts with {@code bench} (and for {@code help bench}); the monitor's own command line, the
 * one {@code run} uses, holds no benchmark code. {@code bench} alone measures the whole pipeline; each of
 * {@link #BENCHMARKS} is a subcommand of it, {@code bench <name>}.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "The news monitor's benchmarks.",
        subcommands = CommandLine.HelpCommand.class)
public final class BenchMain {
    /** The benchmarks under {@code bench}: a picocli command class each; add a class here to add {@code bench X}. */
    static final List<Class<?>> BENCHMARKS = List.of(PollingBenchCommand.class, FreshnessBenchCommand.class);

    private BenchMain() {
    }

    /** Runs the benchmark named by the arguments ({@code bench ...}) and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the benchmark named by the arguments with the given output streams; returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return MonitorMain.execute(commandLine(), out, err, args);
    }

    /** {@code monitor bench} with every benchmark under it, ready to parse or run. */
    public static CommandLine commandLine() {
        CommandLine bench = new CommandLine(new BenchCommand());
        BENCHMARKS.forEach(bench::addSubcommand);
        return new CommandLine(new BenchMain()).addSubcommand(bench);
    }
}
