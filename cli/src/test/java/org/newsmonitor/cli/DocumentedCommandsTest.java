package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.cli.MonitorDocuments.ROOT;
import static org.newsmonitor.cli.MonitorDocuments.isBench;
import static org.newsmonitor.cli.MonitorDocuments.monitorWords;
import static org.newsmonitor.cli.MonitorDocuments.writtenCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.cli.MonitorDocuments.Written;
import picocli.CommandLine;

/**
 * The commands written in README.md and docs/*.md work as written on a fresh clone: every {@code ./monitor} command
 * a user would paste parses against the real command line (and runs, when it names only files of the repository),
 * the README's tables name only real commands and options, and the documented Maven commands build what they need
 * from the repository root without installing anything. The {@code ./monitor bench} commands, which the script hands
 * to the benchmarks module, are checked by that module's tests with the same {@link MonitorDocuments}.
 */
class DocumentedCommandsTest {
    @Test
    void shouldParseEveryMonitorCommandThatADocumentShowsAsCodeToPaste() throws IOException {
        int parsed = MonitorDocuments.assertPastableCommandsParse(MonitorMain.commandLine(), words -> !isBench(words));
        assertThat(parsed).isGreaterThan(10);
    }

    @Test
    void shouldRunEveryDocumentedThemesValidateOfFilesOfTheRepository() throws IOException {
        List<Written> validations = writtenCode().stream().filter(Written::inCodeBlock)
                .filter(w -> w.text().contains("./monitor themes validate")).toList();
        int ran = 0;
        for (Written w : validations) {
            List<String> words = new ArrayList<>(monitorWords(w.text()));
            List<String> files = words.subList(2, words.size());
            if (files.stream().allMatch(f -> Files.exists(ROOT.resolve(f)))) {
                files.replaceAll(f -> ROOT.resolve(f).toString());
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = MonitorMain.execute(new PrintWriter(out), new PrintWriter(err), words.toArray(String[]::new));
                assertThat(exit).as("%s: %s%s", w.where(), out, err).isZero();
                ran++;
            } else {
                assertThat(files).as("%s: names files that are not in the repository; use placeholders like "
                        + "my-themes/ only for the reader's own files", w.where())
                        .allMatch(f -> f.startsWith("my-themes"));
            }
        }
        assertThat(ran).isPositive();
    }

    @Test
    void shouldNameOnlyRealCommandsAndOptionsInTheReadmeTables() throws IOException {
        CommandLine cli = MonitorMain.commandLine();
        int commands = MonitorDocuments.assertReadmeCommandRowsAreReal(cli, words -> !isBench(words));
        int options = 0;
        for (String row : MonitorDocuments.readmeTableRows()) {
            String code = MonitorDocuments.firstCell(row);
            if (code.startsWith("--")) {
                String option = code.split("[\\s=]")[0];
                assertThat(MonitorDocuments.hasOption(cli, option)).as("README row %s: option %s", row, option)
                        .isTrue();
                options++;
            }
        }
        assertThat(commands).isGreaterThan(8);
        assertThat(options).isGreaterThan(8);
    }

    @Test
    void shouldNameEveryBenchCommandOfTheReadmeTableInTheMonitorsHelp() throws IOException {
        // the README promises that `./monitor --help` lists every command; the benchmarks are no command of the
        // monitor's own (the script runs them from the benchmarks module), so its help names them in its footer
        StringWriter out = new StringWriter();
        int exit = MonitorMain.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        String help = out.toString().lines().map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
        List<String> benches = MonitorDocuments.readmeTableRows().stream().map(MonitorDocuments::firstCell)
                .filter(code -> code.startsWith("./monitor bench")).toList();
        assertThat(exit).isZero();
        assertThat(benches).hasSizeGreaterThanOrEqualTo(3);
        benches.forEach(bench -> assertThat(help).as("./monitor --help names %s", bench).contains("`" + bench + "`"));
    }

    @Test
    void shouldBuildFromTheRepositoryRootWithoutInstallingInEveryDocumentedMavenCommand() throws IOException {
        List<Written> maven = writtenCode().stream().filter(w -> w.text().matches(".*\\bmvn .*")).toList();
        assertThat(maven).isNotEmpty();
        for (Written w : maven) {
            String command = w.text().replaceAll("#.*", "");
            assertThat(command).as(w.where()).doesNotContain(" install").doesNotContain("/work/");
            if (command.matches(".*\\s-pl\\s+\\S+.*")) {
                // a module alone does not find its sibling modules on a fresh clone: -am builds them too
                assertThat(command).as("%s: %s", w.where(), command).containsPattern("\\s-am\\b");
            }
            if (command.contains("dependency:") && command.matches(".*\\s-am\\b.*")) {
                // modules depend on test-jars of others, which the reactor resolves from test-classes only once
                // test-compile ran: `compile dependency:...` fails on a fresh clone
                assertThat(command).as("%s: %s", w.where(), command).doesNotContainPattern("\\scompile\\s");
            }
        }
    }
}
