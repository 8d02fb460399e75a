package org.newsmonitor.ingest.poll;

import java.net.URI;
import java.util.List;
import org.newsmonitor.ingest.parse.ParsedFeed;

/** What the poller tells push delivery (WebSub) and asks of it. */
public interface FeedPush {
    /** No push: every feed is polled at its own pace. */
    FeedPush NONE = new FeedPush() {
        @Override
        public void fetched(String feedId, URI fetchedFrom, ParsedFeed parsed, List<String> linkHeaders) {
        }

        @Override
        public String relaxedBecause(String feedId) {
            return null;
        }
    };

    /**
     * A poll read the feed: what it advertises (hubs in the document or in Link headers). Must return at once.
     *
     * @param feedId      the feed
     * @param fetchedFrom the URL read
     * @param parsed      the document
     * @param linkHeaders the response's Link header values
     */
    void fetched(String feedId, URI fetchedFrom, ParsedFeed parsed, List<String> linkHeaders);

    /**
     * Why the feed may be polled at its ceiling, e.g. "WebSub: pushed by https://hub.example/"; null when it is not
     * pushed (then it is polled as its policy says).
     */
    String relaxedBecause(String feedId);
}
