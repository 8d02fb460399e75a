package org.newsmonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code monitor} command line: one entry point for every service and tool of the news monitor. */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = MonitorVersion.class,
        description = "Kafka-based news monitor for the Russia–China relationship.",
        subcommands = {RunCommand.class, IngestCommand.class, StreamCommand.class, AlertsCommand.class,
            ReplayCommand.class, MatchCommand.class, ThemesCommand.class, SubscriptionsCommand.class,
            ApiKeyCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Benchmarks are not part of the monitor; the script builds and runs them from the benchmarks "
                + "module (docs/performance.md):",
            "  `./monitor bench`            throughput, latency, CPU and heap of the pipeline",
            "  `./monitor bench freshness`  the time from publication to alert",
            "  `./monitor bench polling`    fixed against adaptive feed polling"})
public final class MonitorMain {

    private MonitorMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 = success). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** The command tree, ready to parse or run. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MonitorMain());
        RunCommand.describeSharedOptions(cli.getSubcommands().get("run").getCommandSpec());
        return cli;
    }

    /** Runs the command line with the given output streams and returns its exit status. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return execute(commandLine(), out, err, args);
    }

    /**
     * Runs another command tree as the monitor runs its own (one-line errors, enum values in any case): for tools
     * started by the {@code monitor} script from outside this module, such as the benchmarks.
     */
    public static int execute(CommandLine cli, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
