package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsmonitor.ingest.fulltext.FullTextSettings;
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

    @Option(names = "--no-full-text",
            description = "Publish every item with the feed's own text: never fetch article pages for teaser items "
                    + "(on by default; a feed can also say fullText: off in the feed list).")
    boolean noFullText;

    /** The full-text settings: the defaults, or off. */
    static FullTextSettings fullText(boolean on) {
        return on ? FullTextSettings.defaults() : FullTextSettings.off();
    }
}
