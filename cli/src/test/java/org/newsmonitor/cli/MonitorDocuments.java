package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The code that README.md and docs/*.md show, read as a user would paste it, and the checks of the {@code ./monitor}
 * commands in it against a command tree: {@link DocumentedCommandsTest} checks the monitor's own commands, the
 * benchmarks module's tests the {@code ./monitor bench} commands, which the {@code monitor} script hands to that
 * module.
 */
public final class MonitorDocuments {
    static final Path ROOT = repositoryRoot();
    private static final Pattern OPTION = Pattern.compile("(--[a-z][a-z0-9-]*)");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

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
    public record Written(String where, String text, boolean inCodeBlock) {
    }

    /** Lines of code blocks, and inline code spans of other lines. */
    public static List<Written> writtenCode() throws IOException {
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
    public static List<String> monitorWords(String text) {
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

    private MonitorDocuments() {
    }

    /** Whether the {@code monitor} script runs these words with the benchmarks module rather than the monitor. */
    public static boolean isBench(List<String> words) {
        return !words.isEmpty() && (words.get(0).equals("bench")
                || words.size() > 1 && words.get(0).equals("help") && words.get(1).equals("bench"));
    }

    // a line of a command table or a synopsis: ./monitor replay PATH..., [--themes DIR], create|list|...
    static boolean isSynopsis(String text) {
        return text.contains("...") || text.contains("[") || text.contains("|") || text.contains("FILE")
                || text.contains("DIR") || text.contains("PATH");
    }

    /**
     * Parses against {@code root} every {@code ./monitor} command that a document shows as code to paste and whose
     * words {@code ours} accepts; returns how many.
     */
    public static int assertPastableCommandsParse(CommandLine root, Predicate<List<String>> ours) throws IOException {
        List<Written> commands = writtenCode().stream().filter(w -> w.text().contains("./monitor"))
                .filter(w -> w.inCodeBlock() || !isSynopsis(w.text()))
                .filter(w -> ours.test(monitorWords(w.text()))).toList();
        for (Written w : commands) {
            List<String> words = monitorWords(w.text());
            // the command line rejects unknown commands and options, and missing or malformed values
            try {
                root.parseArgs(words.toArray(String[]::new));
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
        return commands.size();
    }

    /** The rows of README.md's tables whose first cell is code, e.g. {@code | `./monitor run` | ...}. */
    public static List<String> readmeTableRows() throws IOException {
        return Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("| `")).toList();
    }

    /** The first cell of a README table row, without its backticks. */
    public static String firstCell(String row) {
        return row.substring(2, row.indexOf(" |", 2)).strip().replace("`", "");
    }

    /**
     * Checks that every README table row naming a {@code ./monitor} command that {@code ours} accepts names a real
     * command of {@code root}, real subcommands and real options; returns how many rows it checked.
     */
    public static int assertReadmeCommandRowsAreReal(CommandLine root, Predicate<List<String>> ours)
            throws IOException {
        int commands = 0;
        for (String row : readmeTableRows()) {
            String code = firstCell(row);
            if (!code.startsWith("./monitor")) {
                continue;
            }
            List<String> words = List.of(code.substring("./monitor".length()).strip().split("\\s+"));
            if (!ours.test(words)) {
                continue;
            }
            CommandLine command = root.getSubcommands().get(words.get(0));
            assertThat(command).as("README row %s: command '%s'", row, words.get(0)).isNotNull();
            if (words.size() > 1 && words.get(1).matches("[a-z]+(\\\\?\\|[a-z]+)*")) {
                for (String sub : words.get(1).split("\\\\?\\|")) {
                    assertThat(command.getSubcommands()).as("README row %s", row).containsKey(sub);
                }
            }
            Matcher m = OPTION.matcher(code);
            while (m.find()) {
                assertThat(hasOption(command, m.group(1))).as("README row %s: option %s", row, m.group(1)).isTrue();
            }
            commands++;
        }
        return commands;
    }

    /** Whether the command or one of its subcommands has the option. */
    public static boolean hasOption(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option) != null
                || command.getSubcommands().values().stream().anyMatch(sub -> hasOption(sub, option));
    }
}
