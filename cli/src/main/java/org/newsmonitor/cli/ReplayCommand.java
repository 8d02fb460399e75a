package org.newsmonitor.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.replay.ReplayOptions;
import org.newsmonitor.ingest.replay.ReplaySummary;
import org.newsmonitor.ingest.replay.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor replay PATH...`: publishes archives in publication-time order. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publishes archived articles to news-articles in publication-time order.",
            "Archives are directories of feed XML snapshots (also .gz), JSON Lines dumps of articles and WARC files. "
                    + "Replaying twice publishes nothing new."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archive files or directories.")
    List<Path> paths;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Only items published at or after, e.g. 2024-01-01T00:00:00Z.")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Only items published before.")
    Instant until;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Publish at most this many items per second (default: as fast as possible).")
    double rate;

    @Option(names = "--fetch-pages",
            description = "Fetch the article page of each teaser item read from an archived feed and publish its main "
                    + "text, as the live ingester does (default: the archive's text as it is; no page is fetched).")
    boolean fetchPages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
        TopicCreator.ensure(settings, Topics.ALL, Services.replication(kafka, settings), kafka.partitions);
        ReplayOptions options = ReplayOptions.defaults().withSince(since).withUntil(until).withRate(rate)
                .withProgress(System.out).withFetchPages(fetchPages);
        ReplaySummary summary = new Replayer(IngestConfig.defaults(settings)).replay(paths, options);
        spec.commandLine().getOut().println(summary.render());
        return summary.failures().isEmpty() ? 0 : 1;
    }
}
