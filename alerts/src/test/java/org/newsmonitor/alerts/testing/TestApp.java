package org.newsmonitor.alerts.testing;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.subscription.InMemorySubscriptionStore;
import org.newsmonitor.alerts.subscription.SubscriptionService;
import org.newsmonitor.alerts.subscription.SubscriptionValidator;
import org.newsmonitor.alerts.subscription.ThemeCatalog;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.alerts.view.StatsView;
import org.newsmonitor.alerts.web.AlertsApp;
import org.newsmonitor.alerts.web.AlertsDeps;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.alerts.web.ApiKeys;
import org.newsmonitor.alerts.web.SseSettings;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.HostLiteral;
import org.newsmonitor.outbound.SsrfGuard;

/** The HTTP app on in-memory parts, started on 127.0.0.1 and an ephemeral port. */
public final class TestApp implements AutoCloseable {
    public static final String ALICE_KEY = "alice-key-0123456789";
    public static final String BOB_KEY = "bob-key-9876543210";
    public static final List<ThemeCatalog.ThemeInfo> THEMES = List.of(
            new ThemeCatalog.ThemeInfo("power-of-siberia", "Power of Siberia", "COOPERATION"),
            new ThemeCatalog.ThemeInfo("eeu-bri-friction", "EEU-BRI friction", "FRICTION"),
            new ThemeCatalog.ThemeInfo("arms-sales", "Arms sales", "MIXED"));

    public final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    public final AlertFeed feed = new AlertFeed(50, 100);
    public final DeliveryLog deliveries = new DeliveryLog(100, 10_000);
    public final StatsView stats = new StatsView();
    public final SubscriptionService subscriptions;
    /** What {@code GET /health} reports; tests may replace it. */
    public final AtomicReference<HealthReport> health = new AtomicReference<>(HealthReport.of(Map.of("kafka", "ok")));
    public final Javalin app;
    /** Every HTTP route the app registered. */
    public final List<HandlerMetaInfo> routes = new CopyOnWriteArrayList<>();
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestApp() {
        this(SseSettings.defaults());
    }

    public TestApp(SseSettings sse) {
        this(sse, true);
    }

    /** With or without an SMTP server to deliver e-mail subscriptions. */
    public TestApp(SseSettings sse, boolean emailConfigured) {
        this(sse, emailConfigured, 1000);
    }

    /** With or without SMTP, and this many subscriptions allowed per owner. */
    public TestApp(SseSettings sse, boolean emailConfigured, int maxSubscriptionsPerOwner) {
        this(sse, emailConfigured, maxSubscriptionsPerOwner, null);
    }

    /** Serving {@code /search} and the subscription preview from {@code search}. */
    public TestApp(SearchService search) {
        this(SseSettings.defaults(), true, 1000, search, AddressAllowList.none());
    }

    /** Serving search too, and accepting channel URLs on the internal addresses {@code allowed} names. */
    public TestApp(SearchService search, AddressAllowList allowed) {
        this(SseSettings.defaults(), true, 1000, search, allowed);
    }

    private TestApp(SseSettings sse, boolean emailConfigured, int maxSubscriptionsPerOwner, SearchService search) {
        this(sse, emailConfigured, maxSubscriptionsPerOwner, search, AddressAllowList.none());
    }

    private TestApp(SseSettings sse, boolean emailConfigured, int maxSubscriptionsPerOwner, SearchService search,
            AddressAllowList allowed) {
        SsrfGuard guard = new SsrfGuard(TestApp::fakeDns, allowed);
        subscriptions = new SubscriptionService(store, new SubscriptionValidator(ThemeCatalog.of(THEMES), guard,
                emailConfigured), Clock.systemUTC(), maxSubscriptionsPerOwner);
        AlertsDeps deps = new AlertsDeps(subscriptions, new ApiKeys(Map.of("alice", ALICE_KEY, "bob", BOB_KEY)),
                ThemeCatalog.of(THEMES), feed, deliveries, stats, "default", sse, 16 * 1024,
                health::get, search);
        app = AlertsApp.create(deps, routes::add).start("127.0.0.1", 0);
    }

    /** A resolver for tests: a few fixed names, everything else unknown. */
    public static List<InetAddress> fakeDns(String host) throws UnknownHostException {
        Map<String, String> zone = Map.of("hooks.example.org", "93.184.216.34", "ntfy.sh", "159.203.148.75",
                "hooks.slack.com", "54.230.1.2", "localhost", "127.0.0.1",
                "internal.example.org", "10.1.2.3");
        String a = zone.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return List.of(HostLiteral.parse(a).orElseThrow());
    }

    /** The HTTP routes the app registered, as "METHOD /path" (before- and after-handlers left out). */
    public java.util.SortedSet<String> httpRoutes() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        routes.stream().filter(r -> r.getHttpMethod().isHttpMethod())
                .forEach(r -> out.add(r.getHttpMethod().name() + " " + r.getPath()));
        return out;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    public HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
