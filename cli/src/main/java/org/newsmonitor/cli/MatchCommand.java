package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsmonitor.themes.MatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `monitor match`: offline matching for theme authors and backtests; no Kafka. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Matches articles against themes offline (no Kafka).",
            "Input: JSON Lines (articles-topic JSON, or objects with id, title, summary) or feed XML files; standard "
                    + "input when no INPUT is given.",
            "Output: one JSON line per article, in input order: "
                    + "{\"id\":…,\"matches\":[{\"theme\":…,\"score\":…,\"terms\":[…]}]}."})
final class MatchCommand implements Callable<Integer> {
    @Option(names = "--themes", paramLabel = "FILE|DIR", description = "Theme file or directory (default: the bundled catalog).")
    Path themes;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "JSONL or feed XML files.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        return MatchRunner.run(themes, inputs, System.in, System.out, System.err);
    }
}
