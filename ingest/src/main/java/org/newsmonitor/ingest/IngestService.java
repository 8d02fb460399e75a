package org.newsmonitor.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.feed.FeedListException;
import org.newsmonitor.ingest.feed.FeedListReader;
import org.newsmonitor.ingest.feed.FeedListWatcher;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.fulltext.FullTextEnricher;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedPush;
import org.newsmonitor.ingest.poll.PollOutcome;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.publish.ArticlePublisher;
import org.newsmonitor.ingest.publish.KafkaArticlePublisher;
import org.newsmonitor.ingest.publish.ProducerSettings;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.state.KafkaFeedStateStore;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.ingest.websub.HubClient;
import org.newsmonitor.ingest.websub.HubLinks;
import org.newsmonitor.ingest.websub.WebSubCallback;
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
 * {@link #close()} stops within seconds.
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
    private static final Duration HOST_BUSY_RETRY = Duration.ofSeconds(1);
    /** How often the feed list file is read again for edits. */
    private static final int FEED_LIST_CHECK_SECONDS = 2;
    private static final Duration FEED_LIST_CHECK = Duration.ofSeconds(FEED_LIST_CHECK_SECONDS);

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final FeedStateStore store;
    private final FeedFetcher fetcher;
    private final HostLimiter hosts;
    private final WebSubSettings webSubSettings;
    private final SsrfGuard guard;
    private final WebSubSubscriber webSub;
    private final FullTextEnricher fullText;
    private final SplittableRandom random = new SplittableRandom();
    private final List<FeedRuntime> feeds = new CopyOnWriteArrayList<>();
    /** The pending poll of each feed, by feed id, so that an edited feed can be scheduled anew. */
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private FeedListWatcher watcher;
    private String lastFeedListProblem;
    private FeedPoller poller;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean restored;
    private volatile String restoreProblem;

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
        this.config = config;
        this.publisher = publisher;
        this.store = store;
        this.guard = new SsrfGuard(resolver, config.ssrf());
        this.fetcher = new FeedFetcher(config.http(), guard, config.clock());
        this.hosts = new HostLimiter(config.http().maxPerHost(), config.hostRequestsPerHour());
        this.webSubSettings = java.util.Objects.requireNonNull(webSub, "webSub");
        this.webSub = webSub.enabled() ? new WebSubSubscriber(webSub, new HubClient(guard,
                config.http().connectTimeout(), config.http().totalTimeout(), config.http().userAgent()),
                config.clock()) : null;
        this.fullText = config.fullText().enabled()
                ? new FullTextEnricher(config.fullText(), guard, hosts, config.clock()) : FullTextEnricher.off();
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
        if (config.pollLiveFeeds() && config.feedList() == null) {
            definitions = FeedListReader.bundledDefault();
        } else if (config.pollLiveFeeds()) {
            String text = FeedListReader.readText(config.feedList());
            definitions = FeedListReader.parse(text, config.feedList());
            watcher = new FeedListWatcher(config.feedList(), text);
        }
        definitions.forEach(d -> feeds.add(new FeedRuntime(d)));
        poller = new FeedPoller(fetcher, publisher, store, feeds, config.backoff(), config.polling(), fullText,
                config.maxSeenIdsPerFeed(), config.clock(), random.split());
        if (webSub != null) {
            startWebSub();
        }
        if (feeds.isEmpty() && watcher == null) {
            LOG.info("Ingest: no live feeds to poll{}", config.pollLiveFeeds() ? "" : " (live polling is off)");
            restored = true;
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("ingest-scheduler"));
        workers = Executors.newFixedThreadPool(config.http().maxConcurrency(), threads("ingest-poll"));
        LOG.info("Ingest: polling {} feed{} from {} ({} at once, {} per host)", feeds.size(), feeds.size() == 1 ? "" : "s",
                config.feedList() == null ? "the bundled default list" : config.feedList(),
                config.http().maxConcurrency(), config.http().maxPerHost());
        restore(1);
        if (watcher != null) {
            scheduler.scheduleWithFixedDelay(this::checkFeedList, FEED_LIST_CHECK.toMillis(),
                    FEED_LIST_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The health of every feed, in feed-list order.
     *
     * @return one entry per feed; empty before {@link #start()} or when live polling is off; never null
     */
    public List<FeedHealth> health() {
        List<FeedHealth> out = new ArrayList<>();
        for (FeedRuntime f : feeds) {
            out.add(health(f, status(f, restored || !started, config.backoff().unhealthyAfter())));
        }
        return out;
    }

    private FeedHealth health(FeedRuntime f, FeedStatus status) {
        return health(f, status, webSub == null ? null : webSub.describe(f.definition().id()));
    }

    private static FeedHealth health(FeedRuntime f, FeedStatus status, String webSubState) {
        FeedDefinition d = f.definition();
        return new FeedHealth(d.id(), d.title(), f.url().toString(), d.language(), d.tags(), status,
                f.lastSuccessAt(), f.lastError(), f.lastErrorAt(), f.consecutiveFailures(), f.nextPollAt(),
                f.articlesPublished(), f.pollInterval(), f.pollReason(), webSubState,
                f.fullTextOutcomes());
    }

    /**
     * The WebSub callback to serve on the ingest HTTP listener ({@link FeedHealthServer#start(String, int,
     * java.util.function.Supplier, com.sun.net.httpserver.HttpHandler)}); null when WebSub is off. Hubs that call
     * it before {@link #start()} find no subscription.
     */
    public com.sun.net.httpserver.HttpHandler webSubCallback() {
        WebSubSubscriber subscriber = webSub;
        return subscriber == null ? null : new WebSubCallback(subscriber, config.http().maxBodyBytes());
    }

    private void startWebSub() {
        WebSubSubscriber subscriber = webSub;
        poller.push(new FeedPush() {
            @Override
            public void fetched(String feedId, java.net.URI fetchedFrom, ParsedFeed parsed, List<String> links) {
                subscriber.discovered(feedId, HubLinks.of(links, parsed.hubs(), parsed.self(), fetchedFrom));
            }

            @Override
            public String relaxedBecause(String feedId) {
                java.net.URI hub = subscriber.healthyHub(feedId);
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
                pollSoon(feedId);
            }
        });
        LOG.info("Ingest: WebSub on, callbacks at {}", webSubSettings.callback("FEED-ID", "TOKEN"));
    }

    private FeedRuntime feed(String feedId) {
        for (FeedRuntime f : feeds) {
            if (f.definition().id().equals(feedId)) {
                return f;
            }
        }
        return null;
    }

    // the feed's hub failed: its pending poll (at the ceiling) is replaced by one now, then its own pace
    private void pollSoon(String feedId) {
        FeedRuntime feed = feed(feedId);
        if (feed == null || closed || !restored || scheduler == null) {
            return;
        }
        synchronized (feed) {
            ScheduledFuture<?> next = pending.get(feedId);
            if (next != null && next.cancel(false)) {
                Instant now = config.clock().instant();
                feed.deferred(now, "WebSub hub failed: polling takes over");
                schedule(feed, Duration.ZERO);
            }
        }
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
        Map<String, FeedStateEvent> states;
        try {
            states = new KafkaFeedStateStore(config.kafka(), config.kafkaTimeout()).readAll();
        } catch (StateUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<FeedHealth> out = new ArrayList<>();
        for (FeedDefinition d : definitions) {
            FeedRuntime f = new FeedRuntime(d);
            FeedStateEvent state = states.get(d.id());
            if (state != null) {
                f.restore(state);
            }
            out.add(health(f, status(f, true, config.backoff().unhealthyAfter()), null));
        }
        return out;
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
        if (!restored) {
            String why = restoreProblem;
            return "restoring feed state from Kafka" + (why == null ? "" : " (retrying: " + why + ")");
        }
        if (poller != null && poller.kafkaStatus().isDown()) {
            return "Kafka refuses articles: " + poller.kafkaStatus().reason();
        }
        if (scheduler != null && scheduler.isShutdown()) {
            return "polling stopped";
        }
        return "ok";
    }

    /** False while Kafka refuses publishes or the feed state could not be restored yet. */
    public boolean kafkaAvailable() {
        return restored && (poller == null || !poller.kafkaStatus().isDown());
    }

    /** Stops polling and releases Kafka; returns within a few seconds. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (webSub != null) {
            webSub.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            workers.shutdownNow();
            await(scheduler);
            await(workers);
        }
        publisher.close();
        LOG.info("Ingest stopped");
    }

    private void restore(int attempt) {
        if (closed) {
            return;
        }
        Map<String, FeedStateEvent> states;
        try {
            states = store.readAll();
        } catch (StateUnavailableException | RuntimeException e) {
            // unavailable Kafka, or a failure no record should cause (records that cannot be read are dead-lettered)
            restoreProblem = e.getMessage();
            Duration delay = config.backoff().afterKafkaFailure(attempt);
            if (attempt == 1) {
                LOG.warn("Cannot restore feed state yet: {}; polling starts once Kafka is reachable (retrying)",
                        e.getMessage());
            }
            submit(() -> restore(attempt + 1), delay);
            return;
        }
        Instant now = config.clock().instant();
        int known = 0;
        for (FeedRuntime f : feeds) {
            FeedStateEvent state = states.get(f.definition().id());
            if (state != null) {
                f.restore(state);
                known++;
            }
        }
        restored = true;
        restoreProblem = null;
        LOG.info("Ingest: restored state of {} of {} feeds from Kafka", known, feeds.size());
        for (FeedRuntime f : feeds) {
            Instant due = f.dueAt(now);
            if (due != null) {
                f.rescheduled(due);
                long spread = Math.min(2000, f.definition().interval().toMillis() / 4);
                schedule(f, Duration.between(now, due).plusMillis(spread <= 0 ? 0 : random.nextLong(spread)));
            }
        }
    }

    // runs on the scheduler thread; the list in force stays when the edited one is invalid
    private void checkFeedList() {
        if (closed || !restored) {
            return;
        }
        Optional<List<FeedDefinition>> edited;
        try {
            edited = watcher.changed();
            lastFeedListProblem = null;
        } catch (FeedListException e) {
            if (!e.getMessage().equals(lastFeedListProblem)) {
                LOG.warn("Feed list edit not applied, the previous list stays in force: {}", e.getMessage());
                lastFeedListProblem = e.getMessage();
            }
            return;
        }
        edited.ifPresent(this::apply);
    }

    private void apply(List<FeedDefinition> definitions) {
        Map<String, FeedRuntime> current = new HashMap<>();
        feeds.forEach(f -> current.put(f.definition().id(), f));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (FeedDefinition d : definitions) {
            order.put(d.id(), order.size());
            FeedRuntime existing = current.remove(d.id());
            if (existing == null) {
                FeedRuntime f = new FeedRuntime(d);
                feeds.add(f);
                added.add(d.id());
                // learn what Kafka committed for a feed that was listed before, before publishing anything of it
                poller.markStale();
                schedule(f, Duration.ZERO);
            } else if (!existing.definition().equals(d)) {
                changed.add(d.id());
                if (webSub != null && !existing.definition().url().equals(d.url())) {
                    // another URL is another topic: the next poll subscribes to what it advertises
                    webSub.removed(d.id());
                }
                reschedule(existing, d);
            }
        }
        for (FeedRuntime gone : current.values()) {
            feeds.remove(gone);
            if (webSub != null) {
                webSub.removed(gone.definition().id());
            }
            ScheduledFuture<?> next = pending.remove(gone.definition().id());
            if (next != null) {
                next.cancel(false);
            }
        }
        feeds.sort(Comparator.comparing(f -> order.get(f.definition().id())));
        LOG.info("Feed list {} edited: {} added {}, {} changed {}, {} removed {}", watcher.path(), added.size(), added,
                changed.size(), changed, current.size(), current.keySet());
    }

    // the pending poll was decided with the old definition: decide again with the new one, unless a poll is running
    // (it decides when it ends, with the new definition)
    private void reschedule(FeedRuntime feed, FeedDefinition edited) {
        synchronized (feed) {
            feed.redefine(edited);
            ScheduledFuture<?> next = pending.get(edited.id());
            if (next != null && next.cancel(false)) {
                Instant now = config.clock().instant();
                Instant due = feed.dueAt(now);
                if (due != null) {
                    feed.rescheduled(due);
                    schedule(feed, Duration.between(now, due));
                }
            }
        }
    }

    private void run(FeedRuntime feed) {
        if (closed) {
            return;
        }
        String host = feed.url().getHost();
        if (!hosts.tryAcquire(host)) {
            schedule(feed, HOST_BUSY_RETRY);
            return;
        }
        Instant budgetFreeAt = hosts.spend(host, config.clock().instant());
        if (budgetFreeAt != null) {
            hosts.release(host);
            feed.deferred(budgetFreeAt, "host budget: " + hosts.requestsPerHour() + " requests/h to " + host
                    + " used; next slot at " + budgetFreeAt);
            schedule(feed, Duration.between(config.clock().instant(), budgetFreeAt));
            return;
        }
        boolean polled = false;
        try {
            poller.poll(feed);
            polled = true;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Feed {} ({}): unexpected {} while polling: {}", feed.definition().id(), feed.url(),
                    e.getClass().getSimpleName(), e.getMessage());
        } finally {
            hosts.release(host);
        }
        if (closed || !feeds.contains(feed)) {
            return;
        }
        synchronized (feed) {
            Instant now = config.clock().instant();
            Instant next = feed.dueAt(now);
            if (!polled) {
                // the poll recorded nothing: wait a whole interval rather than retrying at once
                schedule(feed, feed.definition().interval());
            } else if (next != null) {
                schedule(feed, Duration.between(now, next));
            }
        }
    }

    private void schedule(FeedRuntime feed, Duration delay) {
        ScheduledFuture<?> next = submit(() -> {
            try {
                workers.execute(() -> run(feed));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }, delay);
        if (next != null) {
            pending.put(feed.definition().id(), next);
        }
    }

    private ScheduledFuture<?> submit(Runnable task, Duration delay) {
        if (closed) {
            return null;
        }
        try {
            return scheduler.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
            return null;
        }
    }

    private static FeedStatus status(FeedRuntime f, boolean stateKnown, int unhealthyAfter) {
        if (f.disabled()) {
            return FeedStatus.DISABLED;
        }
        if (!stateKnown || f.kafkaUnavailable()) {
            return FeedStatus.KAFKA_UNAVAILABLE;
        }
        if (f.consecutiveFailures() >= unhealthyAfter) {
            return FeedStatus.UNHEALTHY;
        }
        if (f.consecutiveFailures() > 0) {
            return FeedStatus.FAILING;
        }
        return f.lastSuccessAt() == null ? FeedStatus.PENDING : FeedStatus.OK;
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("Ingest threads did not stop within 3 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
