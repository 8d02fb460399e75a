package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `monitor match`: offline matching for theme authors and backtests; no Kafka. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Matches articles against themes offline (no Kafka), exactly as the live pipeline matches them.",
            "Input: whatever replay reads (feed XML, JSON Lines of articles-topic JSON or of objects with id, title and "
                + "summary, WARC; also gzipped); standard input when no INPUT is given.",
            "Output: one JSON line per article, in input order: "
                + "{\"id\":…,\"matches\":[{\"theme\":…,\"score\":…,\"terms\":[…]}]}."})
final class MatchCommand implements Callable<Integer> {
    @Option(names = "--themes", paramLabel = "FILE|DIR", description = "Theme file or directory (default: the bundled catalog).")
    Path themes;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Feed XML, JSON Lines or WARC files, or directories of them.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        return MatchRunner.run(themes, inputs, System.in, System.out, System.err);
    }
}
