package org.newsmonitor.alerts;

import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.newsmonitor.alerts.delivery.AlertDeliveryConsumer;
import org.newsmonitor.alerts.delivery.AlertDispatcher;
import org.newsmonitor.alerts.delivery.Channel;
import org.newsmonitor.alerts.delivery.ChatChannel;
import org.newsmonitor.alerts.delivery.ConsoleChannel;
import org.newsmonitor.alerts.delivery.DeliveryPlanner;
import org.newsmonitor.alerts.delivery.EndpointQueues;
import org.newsmonitor.alerts.delivery.HttpWebhookClient;
import org.newsmonitor.alerts.delivery.KafkaDeliveryRecorder;
import org.newsmonitor.alerts.delivery.WebhookChannel;
import org.newsmonitor.alerts.digest.DigestScheduler;
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
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.themes.ThemeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the alerts service runs, made whole when the service starts: the producer, the views'
 * reader, the search index, the HTTP server, the alert policy (Kafka Streams) and alert delivery. Every part exists
 * from creation to {@link #close()}; {@link #start()} brings them up in order (HTTP, the views loaded from Kafka, the
 * search index's reader, the default subscription, the policy, delivery).
 */
final class AlertsRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsRuntime.class);
    /** Alerts in delivery before the delivery consumer stops reading. */
    private static final int MAX_ALERTS_IN_DELIVERY = 10_000;

    private final AlertsConfig config;
    private final Views views;
    private final StreamsAppHealth policyHealth;
    private final TopicWriter writer;
    private final KafkaDeadLetterSink deadLetters;
    private final SubscriptionService subscriptions;
    private final SearchService search;
    private final Javalin http;
    private final TopicFollower follower;
    private final KafkaStreams policy;
    private final EndpointQueues queues;
    private final AlertDeliveryConsumer delivery;
    private volatile boolean viewsLoaded;
    private volatile boolean policyStarted;

    /**
     * The views the service keeps whether or not it runs, fed by this runtime while it does.
     *
     * @param clock      the service's clock
     * @param feed       recent alerts
     * @param deliveries delivery outcomes
     * @param stats      theme statistics and surges
     * @param themes     the themes on the themes topic
     */
    record Views(Clock clock, AlertFeed feed, DeliveryLog deliveries, StatsView stats, ThemesView themes) {
    }

    /**
     * Makes every part, starting none; when making one fails, those already made are closed again.
     *
     * @param config       the settings
     * @param views        the views the parts feed
     * @param policyHealth follows the policy's Kafka Streams state
     * @param health       the service's health report, served on {@code /health}
     */
    AlertsRuntime(AlertsConfig config, Views views, StreamsAppHealth policyHealth, Supplier<HealthReport> health) {
        this.config = config;
        this.views = views;
        this.policyHealth = policyHealth;
        Clock clock = views.clock();
        List<AutoCloseable> made = new ArrayList<>();
        try {
            writer = made(made, new TopicWriter(config.kafka(), "news-monitor-alerts-writer"));
            deadLetters = new KafkaDeadLetterSink(writer);
            KafkaSubscriptionStore store = new KafkaSubscriptionStore(writer);
            SsrfGuard guard = new SsrfGuard(Resolver.SYSTEM, AddressAllowList.of(config.ssrfAllow()));
            ThemeCatalog themes = config.knownThemes().isEmpty() ? views.themes() : ThemeCatalog.union(views.themes(),
                    ThemeCatalog.of(config.knownThemes().stream()
                            .map(id -> new ThemeCatalog.ThemeInfo(id, id, "MIXED")).toList()));
            subscriptions = new SubscriptionService(store, new SubscriptionValidator(themes, guard,
                    config.smtp().enabled()), clock, config.maxSubscriptionsPerOwner());
            // the index is a view rebuilt from Kafka at every start, on disk so that the archive's text stays off the heap
            search = made(made, new SearchService(ArticleIndex.onDisk(config.stateDir().resolve("search-index")),
                    ThemeFiles.bundledLexicon(), new ArticleText(TextLimits.MAX_CONTENT), clock));
            http = AlertsApp.create(new AlertsDeps(subscriptions, new ApiKeys(config.apiKeys()), themes, views.feed(),
                    views.deliveries(), views.stats(), SubscriptionService.DEFAULT_ID, config.sse(),
                    config.maxBodyBytes(), health, search));
            follower = made(made, viewsReader(config, views, store, deadLetters, search));
            policy = made(made, policy(config, deadLetters, policyHealth));
            queues = made(made, new EndpointQueues(config.retry(), new KafkaDeliveryRecorder(writer, deadLetters),
                    clock, new SecureRandom()));
            queues.followSubscriptionChanges(store::get);
            delivery = made(made, delivery(config, clock, views.deliveries(), store, guard, queues, deadLetters));
        } catch (RuntimeException e) {
            closeAll(made);
            throw e;
        }
    }

    /** Starts the parts in order; returns once the service is serving. */
    void start() {
        try {
            http.start(config.httpHost(), config.httpPort());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot serve the alerts API on " + config.httpHost() + ":"
                    + config.httpPort() + " (port in use or interface unavailable): " + AlertsService.rootMessage(e), e);
        }
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
        search.follow(config.kafka(), deadLetters, views.clock());
        if (config.defaultSubscription() && subscriptions.ensureDefault()) {
            LOG.info("Created the default subscription '{}' (owner '{}', all themes)", SubscriptionService.DEFAULT_ID,
                    SubscriptionService.DEFAULT_OWNER);
        }
        policyStarted = true;
        policy.start();
        delivery.start();
    }

    /** The port the API and dashboard listen on. */
    int httpPort() {
        return http.port();
    }

    /** Whether the views were loaded from Kafka. */
    boolean viewsLoaded() {
        return viewsLoaded;
    }

    /** Adds the checks of the views, the policy, delivery and search, each "ok" or what is wrong. */
    void addChecks(Map<String, String> checks) {
        String views = follower.failure();
        checks.put("views", views != null ? "views " + views
                : viewsLoaded ? "ok" : "loading subscriptions and alerts from Kafka");
        checks.put("policy", policyStarted ? policyHealth.check() : "not started");
        checks.put("delivery", delivery.alive() ? "ok" : "not running");
        checks.put("search", search.check());
    }

    /** Why the views' reader, delivery or the search index's reader failed for good, or null while none has. */
    String failure() {
        if (follower.failure() != null) {
            return "alerts: the views' reader " + follower.failure();
        }
        if (delivery.stopped()) {
            return "alerts: the delivery consumer stopped";
        }
        if (!"ok".equals(search.check())) {
            return "alerts: the " + search.check();
        }
        return null;
    }

    /** Stops HTTP, delivery (committing what was done), the policy, the views, search and the producer. */
    @Override
    public void close() {
        closeQuietly("HTTP", http::stop);
        closeQuietly("delivery", delivery::close);
        closeQuietly("delivery queues", queues::close);
        policyHealth.closing();
        // leave the group so that a restarted service is not kept waiting for this member's session timeout
        closeQuietly("policy", () -> policy.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(15))));
        closeQuietly("views", follower::close);
        closeQuietly("search", search::close);
        closeQuietly("producer", writer::close);
    }

    private static void closeQuietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Stopping {} of the alerts service failed: {}", what, e.getMessage());
        }
    }

    /** The views' reader: subscriptions, themes, statistics, surges, deliveries and alerts, each into its view. */
    private static TopicFollower viewsReader(AlertsConfig config, Views views, KafkaSubscriptionStore store,
            KafkaDeadLetterSink deadLetters, SearchService search) {
        TopicFollower follower = new TopicFollower(config.kafka(), "news-monitor-alerts-views", deadLetters,
                views.clock());
        follower.follow(Topics.SUBSCRIPTIONS, null, store::apply);
        follower.follow(Topics.THEMES, null, (id, theme) -> {
            views.themes().apply(id, theme);
            search.catalog().apply(id, theme);
        });
        follower.follow(Topics.THEME_STATS, null, (k, v) -> views.stats().apply(v));
        follower.follow(Topics.THEME_SURGES, Duration.ofDays(14), (k, v) -> views.stats().apply(v));
        follower.follow(Topics.DELIVERIES, config.retry().giveUpAfter().plusDays(2),
                (k, v) -> views.deliveries().apply(v));
        follower.follow(Topics.ALERTS, Duration.ofDays(7), (k, v) -> {
            if (v != null) {
                views.feed().publish(v);
            }
        });
        return follower;
    }

    private static KafkaStreams policy(AlertsConfig config, KafkaDeadLetterSink deadLetters,
            StreamsAppHealth policyHealth) {
        KafkaStreams streams = new KafkaStreams(AlertPolicyTopology.build(config.dedupRetention(), deadLetters),
                AlertPolicyTopology.streamsConfig(config.kafka(), config.stateDir().resolve("streams").toString()));
        streams.setStateListener((now, before) -> policyHealth.stateChanged(now.name()));
        streams.setUncaughtExceptionHandler(e -> {
            // a stream thread is replaced; the global thread cannot be, and its death puts the policy in ERROR
            policyHealth.uncaught(e);
            LOG.error("Alert policy thread failed, replacing it: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    /** Alert delivery: the consumer loop, the planner over every channel, and the digest scheduler. */
    private static AlertDeliveryConsumer delivery(AlertsConfig config, Clock clock, DeliveryLog deliveries,
            KafkaSubscriptionStore store, SsrfGuard guard, EndpointQueues queues, KafkaDeadLetterSink deadLetters) {
        EmailChannel email = new EmailChannel(config.smtp().enabled() ? new SmtpMailer(config.smtp()) : null);
        DigestScheduler digests = new DigestScheduler(email, config.retry().giveUpAfter(), config.digestCheck(),
                clock, System::nanoTime, job -> queues.submit(job, Duration.ZERO));
        DeliveryPlanner planner = new DeliveryPlanner(channels(config, email, guard, clock),
                config.retry().giveUpAfter());
        AlertDispatcher dispatcher = new AlertDispatcher(store, planner, deliveries::latest, queues, digests, clock);
        return new AlertDeliveryConsumer(config.kafka(), dispatcher, digests, deadLetters, clock,
                MAX_ALERTS_IN_DELIVERY);
    }

    /** Every channel in the order an alert's deliveries start: console, webhook, e-mail, ntfy, Slack, Telegram. */
    private static List<Channel> channels(AlertsConfig config, EmailChannel email, SsrfGuard guard, Clock clock) {
        HttpWebhookClient httpClient = new HttpWebhookClient(guard, Duration.ofSeconds(5));
        List<Channel> channels = new ArrayList<>();
        if (config.console() != null) {
            channels.add(new ConsoleChannel(config.console(), SubscriptionService.DEFAULT_ID));
        }
        channels.add(new WebhookChannel(httpClient, config.webhookTimeout(), clock));
        channels.add(email);
        channels.addAll(ChatChannel.all(config.telegramApi(), httpClient, config.webhookTimeout(), clock));
        return channels;
    }

    private static <T extends AutoCloseable> T made(List<AutoCloseable> made, T part) {
        made.add(part);
        return part;
    }

    private static void closeAll(List<AutoCloseable> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} after a failed start failed: {}", made.get(i).getClass().getSimpleName(),
                        e.getMessage());
            }
        }
    }
}
