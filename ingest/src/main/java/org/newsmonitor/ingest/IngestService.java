package org.newsmonitor.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.feed.FeedListReader;
import org.newsmonitor.ingest.feed.FeedListWatcher;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.fulltext.FullTextEnricher;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.newsmonitor.ingest.publish.ArticlePublisher;
import org.newsmonitor.ingest.publish.KafkaArticlePublisher;
import org.newsmonitor.ingest.publish.ProducerSettings;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.state.KafkaFeedStateStore;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.ingest.websub.HubClient;
import org.newsmonitor.ingest.websub.WebSubSettings;
import org.newsmonitor.ingest.websub.WebSubSubscriber;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls live feeds in the background and publishes new articles to {@code news-articles}.
 *
 * <p>{@link #start()} restores every feed's state (URL, validators, seen ids, next poll time) from the compacted
 * {@code news-feed-state} topic, then polls each feed on its own interval (as the feed list says now: a feed list
 * file is read again every {@value #FEED_LIST_CHECK_SECONDS} s, and feeds added, removed or edited there take effect at
 * once, an edited interval from the next scheduling decision) with at most {@code http.maxConcurrency}
 * fetches at once and {@code http.maxPerHost} per host. A failing feed logs one line with its URL and reason, is
 * retried with backoff and never holds up the others; without internet every feed fails politely. When Kafka is down,
 * fetched items are not marked seen and are fetched again once it is back. Items whose text is only a teaser get the
 * main text of their article page ({@link FullTextEnricher}, {@code config.fullText()}), within each poll's budget;
 * when a page cannot be had they keep the feed's text and the reason is counted in the feed's health.
 * {@link #close()} stops within seconds. Its parts: {@link FeedStateRestorer} (state from Kafka),
 * {@link FeedScheduler} (when each feed is polled), {@link FeedListReloader} (edits of the feed list file),
 * {@link WebSubWiring} (push), {@link FeedHealthReport} (health).
 *
 * <p>With WebSub on ({@link WebSubSettings#enabled()}), a feed whose fetch advertises a hub is subscribed with a
 * callback on the ingest HTTP listener ({@link #webSubCallback()}); its pushed documents take the poller's own path
 * ({@link FeedPoller#pushed}), and while the hub pushes it an adaptive feed is polled at its ceiling only. When the
 * hub fails the feed is polled at its own pace again at once.
 *
 * <p>Topics in: {@code news-feed-state} (restore). Topics out: {@code news-articles}, {@code news-feed-state},
 * {@code news-dead-letters}; see {@link KafkaArticlePublisher}.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    /** How often the feed list file is read again for edits. */
    private static final int FEED_LIST_CHECK_SECONDS = 2;
    private static final Duration FEED_LIST_CHECK = Duration.ofSeconds(FEED_LIST_CHECK_SECONDS);

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final List<FeedRuntime> feeds = new CopyOnWriteArrayList<>();
    private final FeedPoller poller;
    private final FeedScheduler scheduler;
    private final Optional<WebSubWiring> webSub;
    private volatile boolean started;
    private volatile boolean closed;
    private final FeedStateRestorer restorer;

    /**
     * An ingester publishing to the Kafka cluster of {@code config}; nothing runs until {@link #start()}.
     *
     * @param config settings; never null
     */
    public IngestService(IngestConfig config) {
        this(config, WebSubSettings.off());
    }

    /**
     * An ingester that also subscribes to the WebSub hubs feeds advertise when {@code webSub} is enabled.
     *
     * @param config settings; never null
     * @param webSub WebSub settings ({@link WebSubSettings#off()} to poll only); never null
     */
    public IngestService(IngestConfig config, WebSubSettings webSub) {
        this(config, new KafkaArticlePublisher(ProducerSettings.transactional(config.kafka(), "news-monitor-ingest",
                config.ingestTransactionalId(), config.kafkaTimeout()), config.clock()),
                new KafkaFeedStateStore(config.kafka(), config.kafkaTimeout()), Resolver.SYSTEM, webSub);
    }

    /** An ingester with its Kafka side and name resolution replaced, for tests. */
    IngestService(IngestConfig config, ArticlePublisher publisher, FeedStateStore store, Resolver resolver) {
        this(config, publisher, store, resolver, WebSubSettings.off());
    }

    /** An ingester with its Kafka side and name resolution replaced, and WebSub settings, for tests. */
    IngestService(IngestConfig config, ArticlePublisher publisher, FeedStateStore store, Resolver resolver,
            WebSubSettings webSub) {
        Objects.requireNonNull(webSub, "webSub");
        this.config = config;
        this.publisher = publisher;
        SplittableRandom random = new SplittableRandom();
        SsrfGuard guard = new SsrfGuard(resolver, config.ssrf());
        HostLimiter hosts = new HostLimiter(config.http().maxPerHost(), config.hostRequestsPerHour());
        FullTextEnricher fullText = config.fullText().enabled()
                ? new FullTextEnricher(config.fullText(), guard, hosts, config.clock()) : FullTextEnricher.off();
        this.poller = new FeedPoller(new FeedFetcher(config.http(), guard, config.clock()), publisher, store, feeds,
                config.backoff(), config.polling(), fullText, config.maxSeenIdsPerFeed(), config.clock(),
                random.split());
        this.scheduler = new FeedScheduler(poller, feeds, hosts, config.http().maxConcurrency(), config.clock(),
                random);
        this.restorer = new FeedStateRestorer(store, feeds, scheduler, config.backoff(), config.clock());
        this.webSub = webSub.enabled() ? Optional.of(new WebSubWiring(webSub, new WebSubSubscriber(webSub,
                new HubClient(guard, config.http().connectTimeout(), config.http().totalTimeout(),
                        config.http().userAgent()), config.clock()), poller, scheduler, feeds)) : Optional.empty();
    }

    /**
     * Reads the feed list, restores feed state from Kafka and starts polling in background threads. Returns once
     * polling is scheduled; when Kafka cannot be read yet, restoring is retried in the background and the feeds
     * report {@link FeedStatus#KAFKA_UNAVAILABLE} meanwhile.
     *
     * @throws org.newsmonitor.ingest.feed.FeedListException when the feed list cannot be read (names file and line)
     * @throws IllegalStateException                          when called twice or after close
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("IngestService can be started once");
        }
        started = true;
        List<FeedDefinition> definitions = List.of();
        FeedListReloader reloader = null;
        if (config.pollLiveFeeds() && config.feedList() == null) {
            definitions = FeedListReader.bundledDefault();
        } else if (config.pollLiveFeeds()) {
            String text = FeedListReader.readText(config.feedList());
            definitions = FeedListReader.parse(text, config.feedList());
            reloader = new FeedListReloader(new FeedListWatcher(config.feedList(), text), feeds, poller, scheduler,
                    webSub);
        }
        definitions.forEach(d -> feeds.add(new FeedRuntime(d)));
        webSub.ifPresent(WebSubWiring::start);
        if (feeds.isEmpty() && reloader == null) {
            LOG.info("Ingest: no live feeds to poll{}", config.pollLiveFeeds() ? "" : " (live polling is off)");
            restorer.nothingToRestore();
            return;
        }
        LOG.info("Ingest: polling {} feed{} from {} ({} at once, {} per host)", feeds.size(), feeds.size() == 1 ? "" : "s",
                config.feedList() == null ? "the bundled default list" : config.feedList(),
                config.http().maxConcurrency(), config.http().maxPerHost());
        restorer.restore();
        if (reloader != null) {
            FeedListReloader edits = reloader;
            // the list in force stays until feed state is restored
            scheduler.every(() -> {
                if (!closed && restorer.restored()) {
                    edits.check();
                }
            }, FEED_LIST_CHECK);
        }
    }

    /**
     * The health of every feed, in feed-list order.
     *
     * @return one entry per feed; empty before {@link #start()} or when live polling is off; never null
     */
    public List<FeedHealth> health() {
        return FeedHealthReport.live(feeds, restorer.restored() || !started, config.backoff().unhealthyAfter(),
                id -> webSub.map(w -> w.describe(id)).orElse(null));
    }

    /**
     * The WebSub callback to serve on the ingest HTTP listener ({@link FeedHealthServer#start(String, int,
     * java.util.function.Supplier, com.sun.net.httpserver.HttpHandler)}); null when WebSub is off. Hubs that call
     * it before {@link #start()} find no subscription.
     */
    public com.sun.net.httpserver.HttpHandler webSubCallback() {
        return webSub.map(w -> w.callback(config.http().maxBodyBytes())).orElse(null);
    }

    /**
     * The health of every feed of the configured list as last committed to Kafka, without polling anything: for
     * listing feeds ({@code monitor ingest feeds}) while an ingester runs elsewhere or after it stopped.
     *
     * @param config settings; the feed list, Kafka and the backoff's unhealthy threshold are used
     * @return one entry per feed in list order ({@link FeedStatus#PENDING} for feeds never polled); never null
     * @throws org.newsmonitor.ingest.feed.FeedListException when the feed list cannot be read
     * @throws IllegalStateException                          when Kafka cannot be read, with the reason
     */
    public static List<FeedHealth> storedHealth(IngestConfig config) {
        List<FeedDefinition> definitions = config.feedList() == null ? FeedListReader.bundledDefault()
                : FeedListReader.read(config.feedList());
        try {
            return FeedHealthReport.stored(definitions,
                    new KafkaFeedStateStore(config.kafka(), config.kafkaTimeout()).readAll(),
                    config.backoff().unhealthyAfter());
        } catch (StateUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The feeds polled, in feed-list order; empty before {@link #start()}. */
    public List<FeedDefinition> feeds() {
        return feeds.stream().map(FeedRuntime::definition).toList();
    }

    /**
     * The service's own health, for {@code /health} in {@code run}: "ok", or what keeps it from polling (feed state
     * not restored yet and why, Kafka refusing publishes, polling stopped); never null. Single feeds failing are
     * not in it: see {@link #health()}.
     */
    public String serviceHealth() {
        if (closed) {
            return "stopped";
        }
        if (!started) {
            return "not started";
        }
        if (!restorer.restored()) {
            String why = restorer.problem();
            return "restoring feed state from Kafka" + (why == null ? "" : " (retrying: " + why + ")");
        }
        if (poller.kafkaStatus().isDown()) {
            return "Kafka refuses articles: " + poller.kafkaStatus().reason();
        }
        if (scheduler.stopped()) {
            return "polling stopped";
        }
        return "ok";
    }

    /** False while Kafka refuses publishes or the feed state could not be restored yet. */
    public boolean kafkaAvailable() {
        return restorer.restored() && !poller.kafkaStatus().isDown();
    }

    /** Stops polling and releases Kafka; returns within a few seconds. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        webSub.ifPresent(WebSubWiring::close);
        scheduler.close();
        publisher.close();
        LOG.info("Ingest stopped");
    }
}
