package org.newsmonitor.alerts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.newsmonitor.alerts.policy.AlertPolicyTopology;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.alerts.view.StatsView;
import org.newsmonitor.alerts.view.ThemesView;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.contracts.StreamsAppHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the alert policy (Kafka Streams), alert delivery (webhooks, ntfy, Slack, Telegram, e-mail,
 * console), the views of subscriptions, alerts, deliveries and statistics, and the HTTP API with the dashboard. The
 * monitor's topics must exist before {@link #start()}. The views and health records exist from construction; what
 * runs only between start and close is made whole at start as one {@link AlertsRuntime}.
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
    private final AlertsRuntime.Views views = new AlertsRuntime.Views(Clock.systemUTC(),
            new AlertFeed(FEED_CAPACITY, 1000), new DeliveryLog(200, 200_000), new StatsView(), new ThemesView());
    private final StreamsAppHealth policyHealth = new StreamsAppHealth(AlertPolicyTopology.APPLICATION_ID);
    private final List<StreamsAppHealth> otherApps = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<String>> otherChecks = new ConcurrentHashMap<>();
    private volatile Phase phase = new NotStarted();

    /** Where the service is in its life: not started, running (with everything it runs), or stopped. */
    private sealed interface Phase permits NotStarted, Running, Stopped {
    }

    private record NotStarted() implements Phase {
    }

    private record Running(AlertsRuntime runtime) implements Phase {
    }

    private record Stopped() implements Phase {
    }

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
        if (!(phase instanceof NotStarted)) {
            throw new IllegalStateException("The alerts service was already started");
        }
        try {
            AlertsRuntime runtime = new AlertsRuntime(config, views, policyHealth, this::health);
            phase = new Running(runtime);
            runtime.start();
        } catch (RuntimeException e) {
            close();
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("The alerts service cannot start with Kafka at "
                    + config.kafka().bootstrapServers() + ": " + rootMessage(e), e);
        }
        LOG.info("Alerts service ready: API and dashboard at http://{}:{}/", config.httpHost(), httpPort());
    }

    /** The port the API and dashboard listen on (useful when configured as 0). */
    public int httpPort() {
        if (phase instanceof Running running) {
            return running.runtime().httpPort();
        }
        throw new IllegalStateException("The alerts service is not started");
    }

    /** Recent alerts and live listeners, e.g. for tests and embedding; never null. */
    public AlertFeed feed() {
        return views.feed();
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
        Phase now = phase;
        if (now instanceof Running running) {
            running.runtime().addChecks(checks);
        } else if (now instanceof NotStarted) {
            checks.put("views", "loading subscriptions and alerts from Kafka");
            checks.put("policy", "not started");
            checks.put("delivery", "not running");
        } else {
            checks.put("views", "stopped");
            checks.put("policy", "stopped");
            checks.put("delivery", "stopped");
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
     * without a restart, or null while none has (and before the views are loaded, and once stopping): the policy or
     * a watched application in ERROR, the views' reader, the search index's reader or the delivery consumer stopped.
     */
    public String failure() {
        if (!(phase instanceof Running running) || !running.runtime().viewsLoaded()) {
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
        return running.runtime().failure();
    }

    /** Stops HTTP, delivery (committing what was done), the policy and the views; safe to call twice. */
    @Override
    public synchronized void close() {
        Phase before = phase;
        phase = new Stopped();
        if (before instanceof Running running) {
            running.runtime().close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
