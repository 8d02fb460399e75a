package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help of every command tells the truth about that command, in whole sentences. */
class HelpTextTest {

    private static Map<String, String> help;

    /** Every command and sub-command by its path, e.g. "themes validate", with its help text (exit status 0). */
    static synchronized Map<String, String> helpOfEveryCommand() {
        if (help == null) {
            Map<String, String> out = new LinkedHashMap<>();
            collect(MonitorMain.commandLine(), "", out);
            help = out;
        }
        return help;
    }

    private static void collect(CommandLine command, String path, Map<String, String> out) {
        String[] args = path.isEmpty() ? new String[] {"--help"} : (path + " --help").split(" ");
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        int exit = MonitorMain.execute(new PrintWriter(text), new PrintWriter(errors), args);
        assertThat(exit).as("exit status of ./monitor %s; stderr: %s", String.join(" ", args), errors).isZero();
        out.put(path, text.toString());
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, path.isEmpty() ? name : path + " " + name, out);
            }
        });
    }

    /** The entries of the "Commands:" list of a help text, each with its wrapped lines joined. */
    private static Map<String, String> commandList(String help) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        String name = null;
        List<String> text = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                if (name != null) {
                    entries.put(name, String.join(" ", text));
                }
                String entry = line.strip();
                int gap = entry.indexOf("  ");
                name = gap < 0 ? entry : entry.substring(0, gap);
                text = new ArrayList<>(List.of(gap < 0 ? "" : entry.substring(gap).strip()));
            } else if (name != null) {
                text.add(line.strip());
            }
        }
        if (name != null) {
            entries.put(name, String.join(" ", text));
        }
        return entries;
    }

    /** A help text with its wrapped lines joined, to read sentences across line ends. */
    private static String joined(String help) {
        return help.lines().map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
    }

    @Test
    void shouldShowEveryCommandInTheListAsWholeSentences() {
        Map<String, String> help = helpOfEveryCommand();
        help.forEach((path, text) -> commandList(text).forEach((name, summary) -> {
            if (!name.equals("help")) {
                assertThat(summary).as("summary of '%s' in the help of './monitor %s'", name, path)
                        .isNotBlank().endsWith(".").doesNotEndWith(",.");
            }
        }));
        assertThat(commandList(help.get(""))).containsKeys("run", "ingest", "stream", "alerts", "replay", "match",
                "themes", "subscriptions");
        // the benchmarks are no command of the monitor's own (the script runs them from the benchmarks module)
        assertThat(help.get("")).contains("`./monitor bench`            throughput, latency, CPU and heap of the pipeline",
                "`./monitor bench polling`");
    }

    @Test
    void shouldWriteEveryParagraphOfADescriptionAsWholeSentences() {
        // each element of a description is a paragraph of its own: a sentence split across two elements is printed
        // broken in the middle, whatever the width of the terminal
        assertDescriptionsEndSentences(MonitorMain.commandLine(), "");
    }

    private static void assertDescriptionsEndSentences(CommandLine command, String path) {
        for (String paragraph : command.getCommandSpec().usageMessage().description()) {
            assertThat(paragraph.strip()).as("a paragraph of the description of ./monitor %s", path)
                    .endsWith(".");
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                assertDescriptionsEndSentences(sub, path.isEmpty() ? name : path + " " + name);
            }
        });
    }

    @Test
    void shouldShowDefaultPathsUnbrokenWhateverTheWrapping() {
        Map<String, String> help = helpOfEveryCommand();
        assertThat(help.get("stream")).contains("./data/streams");
        assertThat(help.get("alerts")).contains("./data/alerts");
        assertThat(help.get("run")).contains("./data");
        help.forEach((path, text) -> assertThat(text.lines()).as("help of ./monitor %s", path)
                .noneMatch(line -> line.endsWith(" .")));
    }

    @Test
    void shouldSayThatABrokerIsStartedOnlyInTheHelpOfTheCommandsThatStartOne() {
        Map<String, String> help = helpOfEveryCommand();
        help.forEach((path, text) -> {
            String sentences = joined(text);
            if (path.equals("run")) {
                assertThat(sentences).as("help of ./monitor %s", path).containsIgnoringCase("broker");
            } else {
                assertThat(sentences).as("help of ./monitor %s", path)
                        .doesNotContain("starts an embedded broker").doesNotContain("`run` adds")
                        .doesNotContain("embedded broker,");
            }
        });
        assertThat(joined(help.get("run"))).contains("--bootstrap-servers")
                .containsPattern("when unset, run starts a Kafka broker in this JVM");
        assertThat(joined(help.get("stream"))).contains("localhost:9092");
    }
}
