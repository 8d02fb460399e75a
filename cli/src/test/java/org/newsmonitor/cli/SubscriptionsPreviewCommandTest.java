package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.alerts.search.ArticleIndex;
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
import org.newsmonitor.alerts.web.ApiKeys;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.alerts.web.SseSettings;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Lexicon;

/** `monitor subscriptions preview` against the real HTTP API with an index in memory. */
class SubscriptionsPreviewCommandTest {
    private static final String KEY = "local-key-0123456789";
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final SearchService search = new SearchService(ArticleIndex.inMemory(), Lexicon.empty(),
            new ArticleText(TextLimits.MAX_CONTENT), Clock.systemUTC());
    private Javalin app;

    @BeforeEach
    void start() {
        ThemeCatalog themes = ThemeCatalog.of(List.of(new ThemeCatalog.ThemeInfo("arms-sales", "Arms sales", "MIXED")));
        SsrfGuard guard = new SsrfGuard(host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184,
            (byte) 216, 34})), AddressAllowList.none());
        SubscriptionService service = new SubscriptionService(store, new SubscriptionValidator(themes, guard, true),
                Clock.systemUTC(), 1000);
        app = AlertsApp.create(new AlertsDeps(service, new ApiKeys(Map.of("local", KEY)), themes,
                new AlertFeed(10, 10), new DeliveryLog(10, 100), new StatsView(), "default", SseSettings.defaults(),
                16 * 1024, () -> HealthReport.of(Map.of()), search)).start("127.0.0.1", 0);
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        search.index().index("a1", ArticleEvent.of("a1", "feed", "TASS", null, "Su-35 deliveries to China", "",
                null, "en", t, t, List.of()));
        search.index().index("a2", ArticleEvent.of("a2", "feed", "TASS", null, "Su-57 at an air show", "",
                null, "en", t.plusSeconds(86_400), t, List.of()));
    }

    @AfterEach
    void stop() {
        app.stop();
        search.close();
    }

    @Test
    void shouldPreviewAQueryWithoutSavingIt() throws Exception {
        //When
        Result r = run("preview", "--query", "\"su 35\" OR \"su 57\"", "--from", "2026-04-01", "--to", "2026-05-31");
        //Then
        assertThat(r.exit).as(r.err).isZero();
        JsonNode body = Json.mapper().readTree(r.out);
        assertThat(body.get("alerts").asInt()).isEqualTo(2);
        assertThat(body.get("perDay").get("2026-05-02").asInt()).isEqualTo(1);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void shouldReportAnInvalidQueryWithItsPosition() {
        Result r = run("preview", "--query", "su AND (35");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("HTTP 422").contains("column 8");
    }

    private Result run(String... args) {
        String[] full = new String[args.length + 4];
        full[0] = "subscriptions";
        full[1] = args[0];
        full[2] = "--url=http://127.0.0.1:" + app.port();
        full[3] = "--api-key";
        full[4] = KEY;
        System.arraycopy(args, 1, full, 5, args.length - 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MonitorMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), full);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }
}
