package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.subscription.InMemorySubscriptionStore;
import org.newsmonitor.alerts.subscription.SubscriptionService;
import org.newsmonitor.alerts.subscription.SubscriptionValidator;
import org.newsmonitor.alerts.subscription.ThemeCatalog;
import org.newsmonitor.alerts.view.AlertFeed;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.alerts.view.StatsView;
import org.newsmonitor.alerts.web.AlertsApp;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.alerts.web.AlertsDeps;
import org.newsmonitor.alerts.web.ApiKeys;
import org.newsmonitor.alerts.web.SseSettings;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.SsrfGuard;

/** `monitor subscriptions ...` against the real HTTP API on in-memory parts. */
class SubscriptionsCommandTest {
    private static final String KEY = "local-key-0123456789";
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private Javalin app;

    @BeforeEach
    void start() {
        ThemeCatalog themes = ThemeCatalog.of(List.of(new ThemeCatalog.ThemeInfo("arms-sales", "Arms sales", "MIXED"),
                new ThemeCatalog.ThemeInfo("power-of-siberia", "Power of Siberia", "COOPERATION")));
        SsrfGuard guard = new SsrfGuard(host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})),
                AddressAllowList.none());
        SubscriptionService service = new SubscriptionService(store, new SubscriptionValidator(themes, guard, true),
                Clock.systemUTC(), 1000);
        app = AlertsApp.create(new AlertsDeps(service, new ApiKeys(Map.of("local", KEY)), themes,
                new AlertFeed(10, 10), new DeliveryLog(10, 100), new StatsView(), "default", SseSettings.defaults(),
                16 * 1024, () -> HealthReport.of(Map.of()))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void shouldChangeOnlyTheGivenSettingsOnUpdate() throws Exception {
        //Given
        Result created = run("create", "--name", "Gas desk", "--theme", "power-of-siberia", "--min-score", "2",
                "--source", "TASS", "--webhook", "https://hooks.example.org/in");
        assertThat(created.exit).as(created.err).isZero();
        String id = Json.mapper().readTree(created.out).get("id").asText();
        //When
        Result renamed = run("update", "--name", "Energy desk", id);
        //Then
        assertThat(renamed.exit).as(renamed.err).isZero();
        SubscriptionEvent s = store.get(id).orElseThrow();
        assertThat(s.name()).isEqualTo("Energy desk");
        assertThat(s.webhookUrl()).isEqualTo("https://hooks.example.org/in");
        assertThat(s.sources()).containsExactly("TASS");
        assertThat(s.minScore()).isEqualTo(2.0);
        assertThat(s.themes()).containsExactly("power-of-siberia");
    }

    @Test
    void shouldRemoveASettingAndRefuseToRemoveTheLastChannel() throws Exception {
        //Given
        String id = Json.mapper().readTree(run("create", "--source", "TASS", "--webhook",
                "https://hooks.example.org/in").out).get("id").asText();
        //When
        Result unfiltered = run("update", "--remove", "sources", id);
        Result silenced = run("update", "--remove", "webhook", id);
        //Then
        assertThat(unfiltered.exit).as(unfiltered.err).isZero();
        assertThat(store.get(id).orElseThrow().sources()).isEmpty();
        assertThat(silenced.exit).isEqualTo(1);
        assertThat(silenced.err).contains("HTTP 422").contains("no delivery channel");
        assertThat(store.get(id).orElseThrow().webhookUrl()).isEqualTo("https://hooks.example.org/in");
    }

    @Test
    void shouldSetChatChannelsChangeOneTelegramSettingAndIssueAFeedToken() throws Exception {
        //Given
        String token = "123456:AAHexampleexampleexampleexample_-";
        Result created = run("create", "--ntfy", "https://ntfy.sh/arms-desk", "--slack",
                "https://hooks.slack.com/services/T1/B2/abc", "--telegram-bot-token", token, "--telegram-chat-id", "42");
        assertThat(created.exit).as(created.err).isZero();
        String id = Json.mapper().readTree(created.out).get("id").asText();
        //When
        Result moved = run("update", "--telegram-chat-id", "@armsdesk", "--remove", "slack", id);
        Result issued = run("feed-token", id);
        //Then
        assertThat(moved.exit).as(moved.err).isZero();
        SubscriptionEvent s = store.get(id).orElseThrow();
        assertThat(s.ntfy()).isEqualTo("https://ntfy.sh/arms-desk");
        assertThat(s.slack()).isNull();
        assertThat(s.telegram().botToken()).isEqualTo(token);
        assertThat(s.telegram().chatId()).isEqualTo("@armsdesk");
        assertThat(issued.exit).as(issued.err).isZero();
        JsonNode feed = Json.mapper().readTree(issued.out);
        assertThat(feed.get("feedUrl").asText()).startsWith("http://127.0.0.1:" + app.port() + "/subscriptions/" + id
                + "/feed.atom?token=ft_");
        assertThat(store.get(id).orElseThrow().feedTokenHash()).isNotNull();
    }

    @Test
    void shouldSetChangeAndRemoveAPrivateQuery() throws Exception {
        //Given
        Result created = run("create", "--theme", "power-of-siberia", "--query", "kovykta AND (cnpc OR sinopec)");
        assertThat(created.exit).as(created.err).isZero();
        String id = Json.mapper().readTree(created.out).get("id").asText();
        String first = store.get(id).orElseThrow().query();
        //When
        Result changed = run("update", "--query", "title:zarubino", id);
        String second = store.get(id).orElseThrow().query();
        Result refused = run("update", "--query", "zarubino OR NOT port", id);
        Result removed = run("update", "--remove", "query", id);
        //Then
        assertThat(first).isEqualTo("kovykta AND (cnpc OR sinopec)");
        assertThat(changed.exit).as(changed.err).isZero();
        assertThat(second).isEqualTo("title:zarubino");
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("HTTP 422").contains("query").contains("too broad");
        assertThat(removed.exit).as(removed.err).isZero();
        assertThat(store.get(id).orElseThrow().query()).isNull();
        assertThat(store.get(id).orElseThrow().themes()).containsExactly("power-of-siberia");
    }

    @Test
    void shouldListEverySubscriptionAcrossPages() throws Exception {
        //Given
        for (int i = 0; i < 5; i++) {
            assertThat(run("create", "--name", "desk " + i).exit).isZero();
        }
        //When
        Result listed = run("list", "--page-size", "2");
        //Then
        assertThat(listed.exit).as(listed.err).isZero();
        JsonNode all = Json.mapper().readTree(listed.out).get("subscriptions");
        assertThat(all.findValuesAsText("name")).containsExactly("desk 0", "desk 1", "desk 2", "desk 3", "desk 4");
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
