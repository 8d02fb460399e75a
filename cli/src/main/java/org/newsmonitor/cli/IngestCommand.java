package org.newsmonitor.cli;

import java.util.concurrent.Callable;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.ingest.FeedHealth;
import org.newsmonitor.ingest.FeedHealthServer;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.IngestService;
import org.newsmonitor.outbound.AddressAllowList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor ingest`: the feed poller alone; `monitor ingest feeds`: the feeds and their health. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Polls the feed list and publishes articles to news-articles, until Ctrl-C.",
        subcommands = IngestCommand.Feeds.class)
final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;
    @Mixin
    FeedOptions feeds;
    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:MONITOR_INGEST_HTTP_PORT}",
            description = "Serve the feeds' health as JSON at GET /feeds on this port (env MONITOR_INGEST_HTTP_PORT; "
                    + "default: off).")
    Integer httpPort;
    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "Address the feed health listener binds (default: ${DEFAULT-VALUE}).")
    String httpHost;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
        TopicCreator.ensure(settings, Topics.ALL, Services.replication(kafka, settings), kafka.partitions);
        IngestService ingest = new IngestService(config(settings, feeds));
        ingest.start();
        spec.commandLine().getOut().println("Ingest: polling " + ingest.feeds().size() + " feeds into "
                + Topics.ARTICLES.name() + " at " + settings.bootstrapServers() + ". Ctrl-C stops.");
        AutoCloseable service = ingest;
        if (httpPort != null) {
            FeedHealthServer http = FeedHealthServer.start(httpHost, httpPort, ingest::health);
            spec.commandLine().getOut().println("Ingest: feed health at http://" + httpHost + ":" + http.port()
                    + "/feeds");
            service = () -> {
                http.close();
                ingest.close();
            };
        }
        // polling retries by itself: nothing in the ingester fails for good
        return Services.runUntilStopped(service, () -> null, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static IngestConfig config(ClientSettings settings, FeedOptions feeds) {
        return IngestConfig.defaults(settings).withFeedList(feeds.feedList).withPollLiveFeeds(!feeds.noLiveFeeds)
                .withSsrf(AddressAllowList.of(feeds.allow)).withFullText(FeedOptions.fullText(!feeds.noFullText));
    }

    /** `monitor ingest feeds`. */
    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Lists the feeds with their health: last success, last error, failures, next poll, the "
                    + "polling interval and why, and the outcomes of article-page fetches for teaser items.")
    static final class Feeds implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Mixin
        FeedOptions feeds;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var health = IngestService.storedHealth(config(kafka.settings(KafkaOptions.LOCAL_BROKER), feeds));
            for (FeedHealth h : health) {
                out.println(h.describe());
            }
            out.println(health.size() + " feeds, " + health.stream().filter(FeedHealth::healthy).count() + " healthy");
            return 0;
        }
    }
}
