package org.newsmonitor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.newsmonitor.cli.MonitorDocuments;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./monitor bench ...} as the {@code monitor} script runs it: the documented commands parse, the help lists every
 * benchmark in whole sentences, and failures are one line, as in the rest of the monitor.
 */
class BenchMainTest {

    @Test
    void shouldParseEveryDocumentedBenchCommand() throws IOException {
        int parsed = MonitorDocuments.assertPastableCommandsParse(BenchMain.commandLine(), MonitorDocuments::isBench);
        int rows = MonitorDocuments.assertReadmeCommandRowsAreReal(BenchMain.commandLine(), MonitorDocuments::isBench);
        assertThat(parsed).isGreaterThanOrEqualTo(3);
        assertThat(rows).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldListEveryBenchmarkUnderBenchInWholeSentences() {
        //Given
        StringWriter out = new StringWriter();
        //When
        int exit = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "bench",
                "--help");
        //Then
        String help = out.toString();
        String sentences = help.replaceAll("\\s+", " ");
        assertThat(exit).isZero();
        assertThat(help).startsWith("Usage: monitor bench ");
        assertThat(sentences).contains("on a fresh embedded broker.",
                "Commands: polling Simulate a week of feeds in virtual time: fixed 15-minute against adaptive polling.");
        CommandLine bench = BenchMain.commandLine().getSubcommands().get("bench");
        assertThat(bench.getSubcommands().keySet()).contains("polling").containsExactlyElementsOf(
                BenchMain.BENCHMARKS.stream().map(c -> c.getAnnotation(Command.class).name()).toList());
        bench.getSubcommands().values().forEach(sub -> assertThat(String.join(" ", sub.getCommandSpec().usageMessage()
                .description())).as("summary of bench %s", sub.getCommandName()).isNotBlank().endsWith("."));
    }

    @Test
    void shouldRefuseBadValuesInOneLineNamingTheOptions() {
        //Given
        StringWriter err = new StringWriter();
        //When
        int exit = BenchMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "bench",
                "polling", "--feeds", "0");
        //Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("monitor polling: --feeds and --days must be positive, were 0 and 7");
    }
}
