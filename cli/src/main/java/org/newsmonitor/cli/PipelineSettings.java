package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.ClientSettings;

/**
 * Everything `run` needs to start the whole monitor in one process.
 *
 * @param kafka             the external cluster, or null to start the embedded broker
 * @param dataDir           embedded broker data and local state
 * @param kafkaHost         embedded broker interface
 * @param kafkaPort         embedded broker port (0 = any free port)
 * @param replicationFactor replication of created topics, 0 = choose from the cluster size
 * @param partitions        partitions of created multi-partition topics, 0 = each topic's default
 * @param httpHost          alerts API interface
 * @param httpPort          alerts API port (0 = any free port)
 * @param apiKeys           owner -> API key for the subscriptions API
 * @param feedList          OPML or YAML feed list, or null for the bundled list
 * @param pollLiveFeeds     whether to poll the feed list
 * @param replaySamples     whether to replay the bundled sample archive
 * @param themes            theme file or directory, or null for the bundled catalog
 * @param feedAllow         private or loopback feed targets allowed anyway, as host or host:port
 * @param fullText          whether teaser items get their text from the article page (--no-full-text: no)
 */
record PipelineSettings(ClientSettings kafka, Path dataDir, String kafkaHost, int kafkaPort, short replicationFactor,
        int partitions, String httpHost, int httpPort, Map<String, String> apiKeys, Path feedList, boolean pollLiveFeeds,
        boolean replaySamples, Path themes, List<String> feedAllow, boolean fullText) {

    /** Settings with full text of teaser items fetched from their pages (the default). */
    PipelineSettings(ClientSettings kafka, Path dataDir, String kafkaHost, int kafkaPort, short replicationFactor,
            int partitions, String httpHost, int httpPort, Map<String, String> apiKeys, Path feedList,
            boolean pollLiveFeeds, boolean replaySamples, Path themes, List<String> feedAllow) {
        this(kafka, dataDir, kafkaHost, kafkaPort, replicationFactor, partitions, httpHost, httpPort, apiKeys, feedList,
                pollLiveFeeds, replaySamples, themes, feedAllow, true);
    }
}
