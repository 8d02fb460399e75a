package org.newsmonitor.ingest;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.util.List;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedPush;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.newsmonitor.ingest.websub.HubLinks;
import org.newsmonitor.ingest.websub.WebSubCallback;
import org.newsmonitor.ingest.websub.WebSubSettings;
import org.newsmonitor.ingest.websub.WebSubSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects WebSub push to polling: the hubs a poll finds are subscribed to, pushed documents take the poller's own
 * path ({@link FeedPoller#pushed}), a feed the hub pushes is polled at its ceiling only, and a feed whose hub fails is
 * polled again at once.
 */
final class WebSubWiring implements AutoCloseable {
    // the ingester's console lines keep one name
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final WebSubSettings settings;
    private final WebSubSubscriber subscriber;
    private final FeedPoller poller;
    private final FeedScheduler scheduler;
    private final List<FeedRuntime> feeds;
    private volatile boolean closed;

    /**
     * @param feeds the feeds polled now; pushes for other feed ids are not taken
     */
    WebSubWiring(WebSubSettings settings, WebSubSubscriber subscriber, FeedPoller poller, FeedScheduler scheduler,
            List<FeedRuntime> feeds) {
        this.settings = settings;
        this.subscriber = subscriber;
        this.poller = poller;
        this.scheduler = scheduler;
        this.feeds = feeds;
    }

    /** Tells the poller about push delivery and starts subscribing. */
    void start() {
        poller.push(new FeedPush() {
            @Override
            public void fetched(String feedId, URI fetchedFrom, ParsedFeed parsed, List<String> links) {
                subscriber.discovered(feedId, HubLinks.of(links, parsed.hubs(), parsed.self(), fetchedFrom));
            }

            @Override
            public String relaxedBecause(String feedId) {
                URI hub = subscriber.healthyHub(feedId);
                return hub == null ? null : "WebSub: pushed by " + hub;
            }
        });
        subscriber.start(new WebSubSubscriber.Feeds() {
            @Override
            public PollOutcome pushed(String feedId, byte[] body, String contentType) {
                FeedRuntime feed = feed(feedId);
                return feed == null || closed ? null : poller.pushed(feed, body, contentType);
            }

            @Override
            public void pollAgain(String feedId) {
                // the feed's hub failed: its pending poll (at the ceiling) is replaced by one now, then its own pace
                FeedRuntime feed = feed(feedId);
                if (feed != null && !closed) {
                    scheduler.pollNow(feed, "WebSub hub failed: polling takes over");
                }
            }
        });
        LOG.info("Ingest: WebSub on, callbacks at {}", settings.callback("FEED-ID", "TOKEN"));
    }

    /** The WebSub callback for the ingest HTTP listener; bodies above {@code maxBodyBytes} are refused. */
    HttpHandler callback(long maxBodyBytes) {
        return new WebSubCallback(subscriber, maxBodyBytes);
    }

    /** The feed's WebSub state for its health; null when it has none. */
    String describe(String feedId) {
        return subscriber.describe(feedId);
    }

    /** Unsubscribes a feed removed from the list, or whose URL (its topic) changed. */
    void removed(String feedId) {
        subscriber.removed(feedId);
    }

    @Override
    public void close() {
        closed = true;
        subscriber.close();
    }

    private FeedRuntime feed(String feedId) {
        for (FeedRuntime f : feeds) {
            if (f.definition().id().equals(feedId)) {
                return f;
            }
        }
        return null;
    }
}
