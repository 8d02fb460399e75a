package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which feeds the ingester polls. */
final class FeedOptions {
    @Option(names = "--feeds", paramLabel = "FILE", defaultValue = "${env:MONITOR_FEEDS}",
            description = "OPML or YAML feed list (env MONITOR_FEEDS; default: the bundled list of public feeds).")
    Path feedList;

    @Option(names = "--no-live-feeds", description = "Do not poll live feeds.")
    boolean noLiveFeeds;

    @Option(names = "--allow-feed-host", paramLabel = "HOST[:PORT]",
            description = "Allow a private or loopback feed host (refused by default; repeatable).")
    List<String> allow = new ArrayList<>();
}
