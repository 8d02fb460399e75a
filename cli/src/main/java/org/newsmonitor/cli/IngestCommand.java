package org.newsmonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.ingest.FeedHealth;
import org.newsmonitor.ingest.FeedHealthServer;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.IngestService;
import org.newsmonitor.ingest.websub.WebSubSettings;
import org.newsmonitor.outbound.AddressAllowList;
import picocli.CommandLine;
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
    @Option(names = "--websub-callback", paramLabel = "URL", defaultValue = "${env:MONITOR_WEBSUB_CALLBACK}",
            description = "Public URL at which WebSub hubs reach the feed health listener (--http-port); feeds that "
                    + "advertise a hub are then pushed, with callbacks at URL/websub/<feed id>/<token> (env "
                    + "MONITOR_WEBSUB_CALLBACK; default: off, every feed is polled).")
    String webSubCallback;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WebSubSettings webSub;
        try {
            webSub = webSubCallback == null || webSubCallback.isBlank() ? WebSubSettings.off()
                    : WebSubSettings.withCallback(URI.create(webSubCallback.strip()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--websub-callback (or "
                    + WebSubSettings.CALLBACK_ENV + "): " + e.getMessage());
        }
        if (webSub.enabled() && httpPort == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--websub-callback needs --http-port: hubs "
                    + "call back on the feed health listener");
        }
        ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
        TopicCreator.ensure(settings, Topics.ALL, Services.replication(kafka, settings), kafka.partitions);
        IngestService ingest = new IngestService(config(settings, feeds), webSub);
        ingest.start();
        spec.commandLine().getOut().println("Ingest: polling " + ingest.feeds().size() + " feeds into "
                + Topics.ARTICLES.name() + " at " + settings.bootstrapServers() + ". Ctrl-C stops.");
        AutoCloseable service = ingest;
        if (httpPort != null) {
            FeedHealthServer http = FeedHealthServer.start(httpHost, httpPort, ingest::health, ingest.webSubCallback());
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
                    + "polling interval and why, and the outcomes of article-page fetches for teaser items; with "
                    + "--http-port, the WebSub state of each feed from the running ingester.")
    static final class Feeds implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;
        @Mixin
        FeedOptions feeds;
        @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:MONITOR_INGEST_HTTP_PORT}",
                description = "Port of the running ingester's feed listener on this machine: its live WebSub state "
                        + "of each feed is shown too (env MONITOR_INGEST_HTTP_PORT; default: Kafka's record only).")
        Integer httpPort;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var health = IngestService.storedHealth(config(kafka.settings(KafkaOptions.LOCAL_BROKER), feeds));
            Map<String, String> webSub = httpPort == null ? Map.of() : liveWebSub(httpPort, spec);
            for (FeedHealth h : health) {
                String live = webSub.get(h.feedId());
                out.println(live == null ? h.describe() : new FeedHealth(h.feedId(), h.title(), h.url(), h.language(),
                        h.tags(), h.status(), h.lastSuccessAt(), h.lastError(), h.lastErrorAt(),
                        h.consecutiveFailures(), h.nextPollAt(), h.articlesPublished(), h.pollInterval(),
                        h.pollReason(), live, h.fullText()).describe());
            }
            out.println(health.size() + " feeds, " + health.stream().filter(FeedHealth::healthy).count() + " healthy");
            return 0;
        }

        // the running ingester's GET /feeds: feed id -> WebSub state (live only: subscriptions are not kept in Kafka)
        private static Map<String, String> liveWebSub(int port, CommandSpec spec) {
            Map<String, String> out = new java.util.HashMap<>();
            URI url = URI.create("http://127.0.0.1:" + port + "/feeds");
            try {
                HttpResponse<byte[]> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                        .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode());
                }
                for (JsonNode feed : Json.mapper().readTree(answer.body()).path("feeds")) {
                    if (feed.hasNonNull("webSub")) {
                        out.put(feed.path("feedId").asText(), feed.path("webSub").asText());
                    }
                }
            } catch (IOException e) {
                spec.commandLine().getErr().println("No live WebSub state: cannot read " + url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out;
        }
    }
}
