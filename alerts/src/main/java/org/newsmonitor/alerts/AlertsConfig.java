package org.newsmonitor.alerts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmonitor.alerts.delivery.RetrySchedule;
import org.newsmonitor.alerts.delivery.TelegramFormat;
import org.newsmonitor.alerts.digest.SmtpSettings;
import org.newsmonitor.alerts.web.SseSettings;
import org.newsmonitor.contracts.ClientSettings;

/**
 * Settings of the alerts service. Start from {@link #defaults(ClientSettings, Path)} and change with the
 * {@code with...} methods, or read the environment with {@link #fromEnv(Map, ClientSettings, Path)}.
 *
 * @param kafka               how to reach Kafka
 * @param httpHost            interface of the API and dashboard (default 127.0.0.1)
 * @param httpPort            port of the API and dashboard (default 8080; 0 picks a free one)
 * @param apiKeys             owner -> API key of those allowed to manage subscriptions
 * @param ssrfAllow           internal addresses webhooks may reach anyway: "addr", "addr:port" or "cidr"
 * @param smtp                SMTP server for e-mail deliveries
 * @param retry               webhook and e-mail retry schedule
 * @param webhookTimeout      bound on one webhook attempt
 * @param defaultSubscription whether to ensure the "default" subscription (owner "local", all themes) on start
 * @param console             where alerts of the default subscription are printed; null for nowhere
 * @param stateDir            where the policy's state stores live
 * @param knownThemes         theme ids accepted besides those on the themes topic
 * @param dedupRetention      how long an emitted alert id is remembered
 * @param sse                 live stream limits
 * @param digestCheck         how often due digests are looked for
 * @param maxBodyBytes        largest request body accepted
 * @param startTimeout        how long start waits for Kafka views to load
 * @param maxSubscriptionsPerOwner subscriptions one owner (API key) may have (default
 *                            {@value #DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER})
 * @param telegramApi         base URL of the Telegram Bot API (default https://api.telegram.org)
 */
public record AlertsConfig(ClientSettings kafka, String httpHost, int httpPort, Map<String, String> apiKeys,
        List<String> ssrfAllow, SmtpSettings smtp, RetrySchedule retry, Duration webhookTimeout,
        boolean defaultSubscription, PrintStream console, Path stateDir, List<String> knownThemes,
        Duration dedupRetention, SseSettings sse, Duration digestCheck, int maxBodyBytes, Duration startTimeout,
        int maxSubscriptionsPerOwner, String telegramApi) {

    /** Default HTTP port of the API and dashboard. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** Default number of subscriptions one owner may have. */
    public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER = 1000;

    public AlertsConfig {
        if (kafka == null) {
            throw new IllegalArgumentException("AlertsConfig.kafka is required");
        }
        if (stateDir == null) {
            throw new IllegalArgumentException("AlertsConfig.stateDir is required");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("AlertsConfig.httpPort must be 0..65535, was " + httpPort);
        }
        httpHost = httpHost == null || httpHost.isBlank() ? "127.0.0.1" : httpHost;
        apiKeys = Map.copyOf(apiKeys == null ? Map.of() : apiKeys);
        apiKeys.forEach((owner, key) -> {
            if (owner.isBlank() || key == null || key.length() < 8) {
                throw new IllegalArgumentException("AlertsConfig.apiKeys: the key of owner '" + owner
                        + "' must have at least 8 characters");
            }
        });
        ssrfAllow = List.copyOf(ssrfAllow == null ? List.of() : ssrfAllow);
        smtp = smtp == null ? SmtpSettings.disabled() : smtp;
        retry = retry == null ? RetrySchedule.defaults() : retry;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        knownThemes = List.copyOf(knownThemes == null ? List.of() : knownThemes);
        dedupRetention = dedupRetention == null ? Duration.ofDays(7) : dedupRetention;
        sse = sse == null ? SseSettings.defaults() : sse;
        digestCheck = digestCheck == null ? Duration.ofSeconds(30) : digestCheck;
        maxBodyBytes = maxBodyBytes <= 0 ? 64 * 1024 : maxBodyBytes;
        startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
        maxSubscriptionsPerOwner = maxSubscriptionsPerOwner <= 0 ? DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER
                : maxSubscriptionsPerOwner;
        telegramApi = telegramApi == null || telegramApi.isBlank() ? TelegramFormat.DEFAULT_API : telegramApi.strip();
    }

    /** Defaults: 127.0.0.1:8080, no API keys, no SMTP, 24 h of retries, no default subscription, no console. */
    public static AlertsConfig defaults(ClientSettings kafka, Path stateDir) {
        return new AlertsConfig(kafka, "127.0.0.1", DEFAULT_HTTP_PORT, Map.of(), List.of(), null, null, null, false,
                null, stateDir, List.of(), null, null, null, 0, null, 0, null);
    }

    /**
     * Settings from environment variables over the defaults: MONITOR_HTTP_HOST, MONITOR_HTTP_PORT, MONITOR_API_KEYS
     * ("owner=key,owner=key"), MONITOR_SSRF_ALLOW (comma-separated), MONITOR_SMTP_HOST, MONITOR_SMTP_PORT,
     * MONITOR_SMTP_USER, MONITOR_SMTP_PASSWORD, MONITOR_SMTP_STARTTLS, MONITOR_SMTP_FROM, MONITOR_RETRY_HOURS,
     * MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER, MONITOR_TELEGRAM_API.
     *
     * @throws IllegalArgumentException naming the variable that is malformed
     */
    public static AlertsConfig fromEnv(Map<String, String> env, ClientSettings kafka, Path stateDir) {
        AlertsConfig c = defaults(kafka, stateDir);
        if (env.containsKey("MONITOR_HTTP_HOST") || env.containsKey("MONITOR_HTTP_PORT")) {
            c = c.withHttp(env.getOrDefault("MONITOR_HTTP_HOST", c.httpHost()),
                    intVar(env, "MONITOR_HTTP_PORT", c.httpPort()));
        }
        if (env.containsKey("MONITOR_API_KEYS")) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (String pair : env.get("MONITOR_API_KEYS").split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("MONITOR_API_KEYS must be owner=key pairs separated by commas");
                }
                keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            c = c.withApiKeys(keys);
        }
        if (env.containsKey("MONITOR_SSRF_ALLOW")) {
            List<String> allow = new ArrayList<>();
            for (String s : env.get("MONITOR_SSRF_ALLOW").split(",")) {
                if (!s.isBlank()) {
                    allow.add(s.strip());
                }
            }
            c = c.withSsrfAllow(allow);
        }
        if (env.containsKey("MONITOR_SMTP_HOST")) {
            c = c.withSmtp(new SmtpSettings(env.get("MONITOR_SMTP_HOST"), intVar(env, "MONITOR_SMTP_PORT", 25),
                    env.get("MONITOR_SMTP_USER"), env.get("MONITOR_SMTP_PASSWORD"),
                    Boolean.parseBoolean(env.getOrDefault("MONITOR_SMTP_STARTTLS", "false")),
                    env.get("MONITOR_SMTP_FROM"), null));
        }
        if (env.containsKey("MONITOR_RETRY_HOURS")) {
            RetrySchedule d = RetrySchedule.defaults();
            c = c.withRetry(new RetrySchedule(d.initialDelay(), d.multiplier(), d.maxDelay(),
                    Duration.ofHours(intVar(env, "MONITOR_RETRY_HOURS", 24)), d.jitter()));
        }
        if (env.containsKey("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER")) {
            int max = intVar(env, "MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER", DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER);
            if (max < 1) {
                throw new IllegalArgumentException("MONITOR_MAX_SUBSCRIPTIONS_PER_OWNER must be at least 1, was " + max);
            }
            c = c.withMaxSubscriptionsPerOwner(max);
        }
        if (env.containsKey("MONITOR_TELEGRAM_API")) {
            c = c.withTelegramApi(env.get("MONITOR_TELEGRAM_API"));
        }
        return c;
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }

    /** With the API and dashboard on this interface and port. */
    public AlertsConfig withHttp(String host, int port) {
        return new AlertsConfig(kafka, host, port, apiKeys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With these owner -> key API keys. */
    public AlertsConfig withApiKeys(Map<String, String> keys) {
        return new AlertsConfig(kafka, httpHost, httpPort, keys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With these internal addresses allowed for webhooks. */
    public AlertsConfig withSsrfAllow(List<String> allow) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, allow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With this SMTP server. */
    public AlertsConfig withSmtp(SmtpSettings settings) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, settings, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With this retry schedule and webhook timeout. */
    public AlertsConfig withRetry(RetrySchedule schedule) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, schedule, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With this bound on one webhook attempt. */
    public AlertsConfig withWebhookTimeout(Duration timeout) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, timeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With (or without) the default subscription, its alerts printed to {@code out} (null: not printed). */
    public AlertsConfig withDefaultSubscription(boolean enabled, PrintStream out) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, webhookTimeout, enabled,
                out, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes, startTimeout,
                maxSubscriptionsPerOwner, telegramApi);
    }

    /** With these theme ids accepted besides those on the themes topic. */
    public AlertsConfig withKnownThemes(List<String> themeIds) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, themeIds, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With these live stream limits and this digest check interval. */
    public AlertsConfig withStreaming(SseSettings settings, Duration digestCheckInterval) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, settings, digestCheckInterval,
                maxBodyBytes, startTimeout, maxSubscriptionsPerOwner, telegramApi);
    }

    /** With this many subscriptions allowed per owner. */
    public AlertsConfig withMaxSubscriptionsPerOwner(int max) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, max, telegramApi);
    }

    /** With this Telegram Bot API base URL (tests point it at a local receiver). */
    public AlertsConfig withTelegramApi(String baseUrl) {
        return new AlertsConfig(kafka, httpHost, httpPort, apiKeys, ssrfAllow, smtp, retry, webhookTimeout,
                defaultSubscription, console, stateDir, knownThemes, dedupRetention, sse, digestCheck, maxBodyBytes,
                startTimeout, maxSubscriptionsPerOwner, baseUrl);
    }

    @Override
    public String toString() {
        return "AlertsConfig[kafka=" + kafka.bootstrapServers() + ", http=" + httpHost + ":" + httpPort + ", apiKeys="
                + apiKeys.keySet() + " (keys hidden), ssrfAllow=" + ssrfAllow + ", " + smtp + ", retry=" + retry
                + ", defaultSubscription=" + defaultSubscription + ", stateDir=" + stateDir + "]";
    }
}
