package org.newsmonitor.alerts;

import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.newsmonitor.alerts.delivery.AlertDeliveryConsumer;
import org.newsmonitor.alerts.delivery.ChatChannel;
import org.newsmonitor.alerts.delivery.ConsoleAlerts;
import org.newsmonitor.alerts.delivery.EndpointQueues;
import org.newsmonitor.alerts.delivery.HttpWebhookClient;
import org.newsmonitor.alerts.delivery.KafkaDeliveryRecorder;
import org.newsmonitor.alerts.delivery.WebhookChannel;
import org.newsmonitor.alerts.digest.DigestBuffer;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.alerts.digest.SmtpMailer;
import org.newsmonitor.alerts.kafka.KafkaDeadLetterSink;
import org.newsmonitor.alerts.kafka.TopicFollower;
import org.newsmonitor.alerts.kafka.TopicWriter;
import org.newsmonitor.alerts.policy.AlertPolicyTopology;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.subscription.KafkaSubscriptionStore;
import org.newsmonitor.alerts.subscription.SubscriptionService;
import org.newsmonitor.alerts.subscription.SubscriptionValidator;
import org.newsmonitor.alerts.subscription.ThemeCatalog;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.alerts.view.StatsView;
import org.newsmonitor.alerts.view.ThemesView;
import org.newsmonitor.alerts.web.AlertsApp;
import org.newsmonitor.alerts.web.AlertsDeps;
import org.newsmonitor.alerts.web.ApiKeys;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.contracts.StreamsAppHealth;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.ThemeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the alert policy (Kafka Streams), alert delivery (webhooks, ntfy, Slack, Telegram, e-mail,
 * console), the views of subscriptions, alerts, deliveries and statistics, and the HTTP API with the dashboard. The
 * monitor's topics must exist before {@link #start()}.
 *
 * <pre>{@code
 * try (AlertsService alerts = new AlertsService(AlertsConfig.defaults(kafka, dataDir.resolve("alerts")))) {
 *     alerts.start();
 *     System.out.println("dashboard at http://127.0.0.1:" + alerts.httpPort() + "/");
 * }
 * }</pre>
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
    private static final int FEED_CAPACITY = 500;

    private final AlertsConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AlertFeed feed = new AlertFeed(FEED_CAPACITY, 1000);
    private final DeliveryLog deliveryLog = new DeliveryLog(200, 200_000);
    private final StatsView stats = new StatsView();
    private final ThemesView themesView = new ThemesView();
    private final DigestBuffer digests = new DigestBuffer();
    private TopicWriter writer;
    private TopicFollower follower;
    private KafkaStreams streams;
    private EndpointQueues queues;
    private AlertDeliveryConsumer delivery;
    private Javalin http;
    private SearchService search;
    private final StreamsAppHealth policyHealth = new StreamsAppHealth(AlertPolicyTopology.APPLICATION_ID);
    private final List<StreamsAppHealth> otherApps = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<String>> otherChecks = new ConcurrentHashMap<>();
    private volatile boolean viewsLoaded;
    private volatile boolean closing;
    private boolean started;

    /** @param config the settings; nothing starts until {@link #start()} */
    public AlertsService(AlertsConfig config) {
        this.config = config;
    }

    /**
     * Starts HTTP, loads the views from Kafka, ensures the default subscription when configured, then starts the
     * policy and delivery. Returns once the service is serving.
     *
     * @throws IllegalStateException with a one-line reason (port in use, Kafka unreachable, topics missing); whatever
     *                               had started is closed again
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The alerts service was already started");
        }
        started = true;
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("The alerts service cannot start with Kafka at "
                    + config.kafka().bootstrapServers() + ": " + rootMessage(e), e);
        }
    }

    private void startAll() {
        writer = new TopicWriter(config.kafka(), "news-monitor-alerts-writer");
        KafkaDeadLetterSink deadLetters = new KafkaDeadLetterSink(writer);
        KafkaSubscriptionStore store = new KafkaSubscriptionStore(writer);
        SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(config.ssrfAllow()));
        ThemeCatalog themes = config.knownThemes().isEmpty() ? themesView : ThemeCatalog.union(themesView,
                ThemeCatalog.of(config.knownThemes().stream()
                        .map(id -> new ThemeCatalog.ThemeInfo(id, id, "MIXED")).toList()));
        SubscriptionService subscriptions = new SubscriptionService(store, new SubscriptionValidator(themes, guard,
                config.smtp().enabled()), clock, config.maxSubscriptionsPerOwner());

        // the index is a view rebuilt from Kafka at every start, on disk so that the archive's text stays off the heap
        search = new SearchService(ArticleIndex.onDisk(config.stateDir().resolve("search-index")),
                ThemeFiles.bundledLexicon(), new ArticleText(TextLimits.MAX_CONTENT), clock);
        http = AlertsApp.create(new AlertsDeps(subscriptions, new ApiKeys(config.apiKeys()), themes, feed, deliveryLog,
                stats, SubscriptionService.DEFAULT_ID, config.sse(), config.maxBodyBytes(), this::health, search));
        try {
            http.start(config.httpHost(), config.httpPort());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot serve the alerts API on " + config.httpHost() + ":"
                    + config.httpPort() + " (port in use or interface unavailable): " + rootMessage(e), e);
        }

        follower = new TopicFollower(config.kafka(), "news-monitor-alerts-views", deadLetters, clock);
        follower.follow(Topics.SUBSCRIPTIONS, null, store::apply);
        SearchService searchService = search;
        follower.follow(Topics.THEMES, null, (id, theme) -> {
            themesView.apply(id, theme);
            searchService.catalog().apply(id, theme);
        });
        follower.follow(Topics.THEME_STATS, null, (k, v) -> stats.apply(v));
        follower.follow(Topics.THEME_SURGES, Duration.ofDays(14), (k, v) -> stats.apply(v));
        follower.follow(Topics.DELIVERIES, config.retry().giveUpAfter().plusDays(2), (k, v) -> deliveryLog.apply(v));
        follower.follow(Topics.ALERTS, Duration.ofDays(7), (k, v) -> {
            if (v != null) {
                feed.publish(v);
            }
        });
        follower.start();
        try {
            if (!follower.awaitCaughtUp(config.startTimeout())) {
                throw new IllegalStateException("Kafka at " + config.kafka().bootstrapServers()
                        + " did not deliver the subscriptions, deliveries and alerts within "
                        + config.startTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading subscriptions from Kafka", e);
        }
        viewsLoaded = true;
        search.follow(config.kafka(), deadLetters, clock);
        if (config.defaultSubscription() && subscriptions.ensureDefault()) {
            LOG.info("Created the default subscription '{}' (owner '{}', all themes)", SubscriptionService.DEFAULT_ID,
                    SubscriptionService.DEFAULT_OWNER);
        }

        streams = new KafkaStreams(AlertPolicyTopology.build(config.dedupRetention(), deadLetters),
                AlertPolicyTopology.streamsConfig(config.kafka(), config.stateDir().resolve("streams").toString()));
        streams.setStateListener((now, before) -> policyHealth.stateChanged(now.name()));
        streams.setUncaughtExceptionHandler(e -> {
            // a stream thread is replaced; the global thread cannot be, and its death puts the policy in ERROR
            policyHealth.uncaught(e);
            LOG.error("Alert policy thread failed, replacing it: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();

        KafkaDeliveryRecorder recorder = new KafkaDeliveryRecorder(writer, deadLetters);
        queues = new EndpointQueues(config.retry(), recorder, clock, new SecureRandom());
        queues.followSubscriptionChanges(store::get);
        HttpWebhookClient httpClient = new HttpWebhookClient(guard, Duration.ofSeconds(5));
        WebhookChannel webhook = new WebhookChannel(httpClient, config.webhookTimeout(), clock);
        EmailChannel email = new EmailChannel(config.smtp().enabled() ? new SmtpMailer(config.smtp()) : null);
        ConsoleAlerts console = config.console() == null ? null : new ConsoleAlerts(config.console(), deliveryLog,
                recorder, clock);
        delivery = new AlertDeliveryConsumer(config.kafka(), new AlertDeliveryConsumer.DeliveryParts(store, deliveryLog,
                webhook, email, digests, queues, config.retry(), console, SubscriptionService.DEFAULT_ID, deadLetters,
                clock, config.digestCheck(), 10_000,
                ChatChannel.all(config.telegramApi(), httpClient, config.webhookTimeout(), clock)));
        delivery.start();
        LOG.info("Alerts service ready: API and dashboard at http://{}:{}/", config.httpHost(), httpPort());
    }

    /** The port the API and dashboard listen on (useful when configured as 0). */
    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("The alerts service is not started");
        }
        return http.port();
    }

    /** Recent alerts and live listeners, e.g. for tests and embedding; never null. */
    public AlertFeed feed() {
        return feed;
    }

    /**
     * Adds the health of another Kafka Streams application of this process (the stream service in {@code run}) to
     * {@code /health}: its state is reported, and its failure fails the health check and {@link #failure()}.
     */
    public void watch(StreamsAppHealth app) {
        otherApps.add(app);
    }

    /** Adds a named check of another service of this process ("ok" or what is wrong) to {@code /health}. */
    public void addCheck(String name, Supplier<String> check) {
        otherChecks.put(name, check);
    }

    /**
     * Named health checks, each "ok" or what is wrong, and the Kafka Streams state of each Streams application of
     * the process (the alert policy, its global thread included, and any {@link #watch watched} one); never null.
     */
    public HealthReport health() {
        Map<String, String> checks = new LinkedHashMap<>();
        TopicFollower f = follower;
        checks.put("views", f != null && f.failure() != null ? "views " + f.failure()
                : viewsLoaded ? "ok" : "loading subscriptions and alerts from Kafka");
        checks.put("policy", streams == null ? "not started" : policyHealth.check());
        AlertDeliveryConsumer d = delivery;
        checks.put("delivery", d != null && d.alive() ? "ok" : "not running");
        SearchService s = search;
        if (s != null) {
            checks.put("search", s.check());
        }
        Map<String, String> states = new LinkedHashMap<>();
        states.put(policyHealth.applicationId(), policyHealth.state());
        for (StreamsAppHealth app : otherApps) {
            checks.put(app.applicationId(), app.check());
            states.put(app.applicationId(), app.state());
        }
        otherChecks.forEach((name, check) -> checks.put(name, check.get()));
        return new HealthReport(checks, states);
    }

    /**
     * Why a part of this service (or a watched Streams application) has failed for good and will not recover
     * without a restart, or null while none has: the policy or a watched application in ERROR, the views' reader,
     * the search index's reader or the delivery consumer stopped.
     */
    public String failure() {
        if (!viewsLoaded || closing) {
            return null;
        }
        String policy = policyHealth.failure();
        if (policy != null) {
            return "alerts: " + policy;
        }
        for (StreamsAppHealth app : otherApps) {
            if (app.failure() != null) {
                return app.failure();
            }
        }
        TopicFollower f = follower;
        if (f != null && f.failure() != null) {
            return "alerts: the views' reader " + f.failure();
        }
        AlertDeliveryConsumer d = delivery;
        if (d != null && !d.alive()) {
            return "alerts: the delivery consumer stopped";
        }
        SearchService s = search;
        if (s != null && !"ok".equals(s.check())) {
            return "alerts: the " + s.check();
        }
        return null;
    }

    /** Stops HTTP, delivery (committing what was done), the policy and the views; safe to call twice. */
    @Override
    public synchronized void close() {
        closing = true;
        closeQuietly("HTTP", () -> {
            if (http != null) {
                http.stop();
            }
        });
        closeQuietly("delivery", () -> {
            if (delivery != null) {
                delivery.close();
            }
        });
        closeQuietly("delivery queues", () -> {
            if (queues != null) {
                queues.close();
            }
        });
        policyHealth.closing();
        closeQuietly("policy", () -> {
            if (streams != null) {
                // leave the group so that a restarted service is not kept waiting for this member's session timeout
                streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(15)));
            }
        });
        closeQuietly("views", () -> {
            if (follower != null) {
                follower.close();
            }
        });
        closeQuietly("search", () -> {
            if (search != null) {
                search.close();
            }
        });
        closeQuietly("producer", () -> {
            if (writer != null) {
                writer.close();
            }
        });
        http = null;
        delivery = null;
        queues = null;
        streams = null;
        follower = null;
        search = null;
        writer = null;
    }

    private static void closeQuietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Stopping {} of the alerts service failed: {}", what, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
