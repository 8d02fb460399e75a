package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands written in README.md and docs/*.md work as written on a fresh clone: every {@code ./monitor} command
 * a user would paste parses against the real command line (and runs, when it names only files of the repository),
 * the README's tables name only real commands and options, and the documented Maven commands build what they need
 * from the repository root without installing anything.
 */
class DocumentedCommandsTest {
    private static final Path ROOT = repositoryRoot();
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern OPTION = Pattern.compile("(--[a-z][a-z0-9-]*)");

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) ? here : here.getParent();
    }

    /** README.md and every docs/*.md. */
    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** A command as written in a document, with where it was found. */
    record Written(String where, String text, boolean inCodeBlock) {
    }

    /** Lines of code blocks, and inline code spans of other lines. */
    private static List<Written> writtenCode() throws IOException {
        List<Written> out = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            boolean block = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = ROOT.relativize(doc) + ":" + (i + 1);
                if (line.startsWith("```")) {
                    block = !block;
                } else if (block) {
                    out.add(new Written(where, line, true));
                } else {
                    Matcher m = INLINE_CODE.matcher(line);
                    while (m.find()) {
                        out.add(new Written(where, m.group(1), false));
                    }
                }
            }
        }
        return out;
    }

    /** The words of one shell command starting at "./monitor", up to a shell operator or comment. */
    static List<String> monitorWords(String text) {
        int at = text.indexOf("./monitor");
        List<String> words = new ArrayList<>();
        if (at < 0) {
            return words;
        }
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(text.substring(at + "./monitor".length()));
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (m.group(3) != null && word.matches("&&|&|\\||>|<|#.*|;|\\\\")) {
                break;
            }
            if (m.group(3) != null && word.contains(")")) { // the end of a command substitution, $(./monitor ...)
                String before = word.substring(0, word.indexOf(')'));
                if (!before.isEmpty()) {
                    words.add(before);
                }
                break;
            }
            words.add(word);
        }
        return words;
    }

    @Test
    void shouldParseEveryMonitorCommandThatADocumentShowsAsCodeToPaste() throws IOException {
        List<Written> commands = writtenCode().stream().filter(w -> w.text().contains("./monitor"))
                .filter(w -> w.inCodeBlock() || !isSynopsis(w.text())).toList();
        assertThat(commands).hasSizeGreaterThan(10);
        for (Written w : commands) {
            List<String> words = monitorWords(w.text());
            // the command line rejects unknown commands and options, and missing or malformed values
            CommandLine cli = MonitorMain.commandLine();
            try {
                cli.parseArgs(words.toArray(String[]::new));
            } catch (CommandLine.MissingParameterException e) {
                // prose may name a command without its required values ("`./monitor replay` reads ..."); a code
                // block is meant to be pasted and must be complete
                if (w.inCodeBlock()) {
                    throw new AssertionError(w.where() + ": ./monitor " + String.join(" ", words) + ": "
                            + e.getMessage(), e);
                }
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError(w.where() + ": ./monitor " + String.join(" ", words) + ": " + e.getMessage(),
                        e);
            }
        }
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

    // a line of a command table or a synopsis: ./monitor replay PATH..., [--themes DIR], create|list|...
    private static boolean isSynopsis(String text) {
        return text.contains("...") || text.contains("[") || text.contains("|") || text.contains("FILE")
                || text.contains("DIR") || text.contains("PATH");
    }

    @Test
    void shouldNameOnlyRealCommandsAndOptionsInTheReadmeTables() throws IOException {
        CommandLine cli = MonitorMain.commandLine();
        List<String> rows = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("| `")).toList();
        int commands = 0;
        int options = 0;
        for (String row : rows) {
            String first = row.substring(2, row.indexOf(" |", 2)).strip();
            String code = first.replace("`", "");
            if (code.startsWith("./monitor")) {
                List<String> words = List.of(code.substring("./monitor".length()).strip().split("\\s+"));
                CommandLine command = cli.getSubcommands().get(words.get(0));
                assertThat(command).as("README row %s: command '%s'", row, words.get(0)).isNotNull();
                if (words.size() > 1 && words.get(1).matches("[a-z]+(\\\\?\\|[a-z]+)*")) {
                    for (String sub : words.get(1).split("\\\\?\\|")) {
                        assertThat(command.getSubcommands()).as("README row %s", row).containsKey(sub);
                    }
                }
                Matcher m = OPTION.matcher(code);
                while (m.find()) {
                    assertThat(hasOption(command, m.group(1))).as("README row %s: option %s", row, m.group(1))
                            .isTrue();
                }
                commands++;
            } else if (code.startsWith("--")) {
                String option = code.split("[\\s=]")[0];
                assertThat(hasOption(cli, option)).as("README row %s: option %s", row, option).isTrue();
                options++;
            }
        }
        assertThat(commands).isGreaterThan(8);
        assertThat(options).isGreaterThan(8);
    }

    private static boolean hasOption(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option) != null
                || command.getSubcommands().values().stream().anyMatch(sub -> hasOption(sub, option));
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
        }
    }
}
