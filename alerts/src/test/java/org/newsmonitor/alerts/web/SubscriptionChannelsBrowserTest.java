package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.delivery.AlertDispatcher;
import org.newsmonitor.alerts.delivery.DeliveryPlanner;
import org.newsmonitor.alerts.delivery.EndpointQueues;
import org.newsmonitor.alerts.delivery.HttpWebhookClient;
import org.newsmonitor.alerts.delivery.RetrySchedule;
import org.newsmonitor.alerts.delivery.WebhookChannel;
import org.newsmonitor.alerts.digest.DigestScheduler;
import org.newsmonitor.alerts.digest.EmailChannel;
import org.newsmonitor.alerts.policy.AlertPolicyTopology;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.testing.Await;
import org.newsmonitor.alerts.testing.HeadlessChromium;
import org.newsmonitor.alerts.testing.RecordingRecorder;
import org.newsmonitor.alerts.testing.Replay;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.alerts.testing.WebhookReceiver;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.outbound.AddressAllowList;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.themes.ThemeSpec;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The subscriptions form's delivery channels in a real headless Chromium: a webhook made in the page receives the
 * alert of a replayed matching article, signed with the secret the page showed; every refusal is shown next to the
 * field it names; an edit changes only the channels it changes; the Atom feed link is issued and rotated.
 */
class SubscriptionChannelsBrowserTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String HIT = "window.__hits.push";

    @TempDir
    Path profile;
    @TempDir
    Path stateDir;
    private final AtomicReference<String> secret = new AtomicReference<>();
    private WebhookReceiver receiver;
    private SearchService search;
    private TestApp t;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        receiver = new WebhookReceiver(secret::get);
        search = new SearchService(ArticleIndex.inMemory(), Lexicon.empty(), new ArticleText(TextLimits.MAX_CONTENT),
                Clock.systemUTC());
        ThemeSpec spec = ThemeSpec.of("power-of-siberia", "Power of Siberia", "", Polarity.COOPERATION, List.of(), 2,
                null, "2: \"power of siberia\"\n1: price", "test");
        search.catalog().apply(spec.id(), ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, NOW));
        t = new TestApp(search, allowReceiver());
        driver = HeadlessChromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (t != null) {
            t.close();
        }
        if (search != null) {
            search.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private AddressAllowList allowReceiver() {
        return AddressAllowList.of(List.of("127.0.0.1:" + receiver.port()));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void openWithKey(int subscriptionsListed) {
        driver.get("http://127.0.0.1:" + t.app.port() + "/");
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        type("api-key", ALICE_KEY);
        driver.findElement(By.cssSelector("#sub-key-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("sub-editor")).isDisplayed()
                && d.findElements(By.cssSelector("#sub-list li.subscription")).size() == subscriptionsListed);
    }

    private void previewAndSave() {
        driver.findElement(By.id("sub-preview-button")).click();
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        driver.findElement(By.id("sub-save")).click();
    }

    private void assertNothingRan() {
        assertThat(js("return document.querySelectorAll('main script, main img, main iframe, main svg').length"))
                .isEqualTo(0L);
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
    }

    @Test
    void shouldDeliverToAWebhookMadeInThePageTheAlertOfAReplayedMatchingArticleSignedWithTheSecretShown()
            throws Exception {
        //Given: the page with the key
        openWithKey(0);
        //When: a subscription with a webhook to a local receiver, surges too, is previewed and saved
        type("sub-name", "Pipeline desk");
        driver.findElement(By.cssSelector("#sub-themes input[value='power-of-siberia']")).click();
        type("sub-webhook", receiver.url("/hook"));
        driver.findElement(By.id("sub-surges")).click();
        previewAndSave();
        //Then: saved with that webhook, its secret shown once in the page
        wait.until(d -> d.findElement(By.id("sub-secret")).isDisplayed());
        String shown = driver.findElement(By.id("sub-secret-value")).getAttribute("value");
        SubscriptionEvent saved = t.subscriptions.list("alice").get(0);
        assertThat(saved.webhookUrl()).isEqualTo(receiver.url("/hook"));
        assertThat(saved.includeSurges()).isTrue();
        assertThat(saved.mode()).isEqualTo(DeliveryMode.IMMEDIATE);
        assertThat(shown).startsWith("whsec_").isEqualTo(saved.webhookSecret());
        assertThat(text("sub-secret-name")).isEqualTo("Pipeline desk");
        assertThat(driver.findElement(By.cssSelector("#sub-list li.subscription .meta")).getText())
                .contains("to: webhook " + receiver.url("/hook")).contains("surges too");
        secret.set(shown);
        //When: a matching article is replayed, the alert policy decides on it and the alert is dispatched
        List<ThemeMatchEvent> matches = Replay.article(search, ArticleEvent.of("new-1", "feed-1", "Energy Wire",
                "https://news.example.org/new-1", "Power of Siberia 2 price deal signed", "Gazprom and CNPC signed.",
                null, "en", NOW, NOW, List.of()), "story-new");
        List<AlertEvent> alerts = decide(saved, matches);
        assertThat(alerts).hasSize(1);
        dispatch(alerts.get(0));
        //Then: the receiver has it, signed with the secret the page showed
        List<WebhookReceiver.Hit> hits = receiver.hits("/hook");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).signatureValid()).isTrue();
        JsonNode body = Json.mapper().readTree(hits.get(0).body());
        assertThat(body.get("data").get("title").asText()).isEqualTo("Power of Siberia 2 price deal signed");
        assertThat(body.get("data").get("subscriptionId").asText()).isEqualTo(saved.id());
        assertNothingRan();
    }

    private List<AlertEvent> decide(SubscriptionEvent subscription, List<ThemeMatchEvent> matches) {
        Properties props = AlertPolicyTopology.streamsConfig(ClientSettings.of("dummy:9092"), stateDir.toString());
        try (TopologyTestDriver policy = new TopologyTestDriver(AlertPolicyTopology.build(Duration.ofDays(1),
                (event, error) -> { }), props, NOW)) {
            TestInputTopic<String, SubscriptionEvent> subscriptions = policy.createInputTopic(
                    Topics.SUBSCRIPTIONS.name(), new StringSerializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer());
            TestInputTopic<String, ThemeMatchEvent> themeMatches = policy.createInputTopic(
                    Topics.THEME_MATCHES.name(), new StringSerializer(), Topics.THEME_MATCHES.valueSerde().serializer());
            TestOutputTopic<String, AlertEvent> out = policy.createOutputTopic(Topics.ALERTS.name(),
                    new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
            subscriptions.pipeInput(subscription.id(), subscription);
            matches.forEach(m -> themeMatches.pipeInput(m.storyId(), m));
            return out.readValuesToList();
        }
    }

    // the delivery side as the service runs it: the dispatcher plans the subscription's channels and the queues POST
    private void dispatch(AlertEvent alert) {
        RecordingRecorder recorder = new RecordingRecorder();
        Clock clock = Clock.systemUTC();
        try (EndpointQueues queues = new EndpointQueues(RetrySchedule.defaults(), recorder, clock, new Random(1))) {
            WebhookChannel webhook = new WebhookChannel(new HttpWebhookClient(new SsrfGuard(Resolver.SYSTEM,
                    allowReceiver()), Duration.ofSeconds(2)), Duration.ofSeconds(5), clock);
            DigestScheduler digests = new DigestScheduler(new EmailChannel(message -> { }), Duration.ofHours(1),
                    Duration.ZERO, clock, System::nanoTime, job -> queues.submit(job, Duration.ZERO));
            AlertDispatcher dispatcher = new AlertDispatcher(t.store, new DeliveryPlanner(List.of(webhook),
                    Duration.ofHours(1)), new DeliveryLog(10, 100)::latest, queues, digests, clock);
            AtomicInteger done = new AtomicInteger();
            dispatcher.dispatch(alert, done::incrementAndGet);
            Await.until("the webhook delivery", Duration.ofSeconds(20), () -> done.get() == 1);
        }
    }

    @Test
    void shouldShowEachRefusalNextToTheFieldItNamesAndClearItOnceTheFormIsAccepted() {
        //Given
        openWithKey(0);
        //When: a form with a bad query, webhook, e-mail, ntfy topic and Telegram token is previewed
        type("sub-query", "NOT gas");
        type("sub-webhook", "ftp://hooks.example.org/x");
        type("sub-email", "not an address");
        type("sub-ntfy", "https://ntfy.sh/");
        type("sub-telegram-token", "<img src=x onerror=" + HIT + "('token')>");
        type("sub-telegram-chat", "12345");
        driver.findElement(By.id("sub-preview-button")).click();
        //Then: each reason is next to its own field, the fields are marked, and Save stays off
        wait.until(d -> !d.findElement(By.id("sub-query-error")).getText().isEmpty());
        assertThat(text("sub-query-error")).startsWith("is not a usable query:").contains("too broad");
        assertThat(text("sub-webhook-error")).isEqualTo("must be an absolute http or https URL");
        assertThat(text("sub-email-error")).startsWith("is not a valid e-mail address");
        assertThat(text("sub-ntfy-error")).startsWith("must be a topic URL");
        assertThat(text("sub-telegram-token-error")).startsWith("must be a bot token");
        assertThat(text("sub-telegram-chat-error")).isEmpty();
        assertThat(text("sub-name-error")).isEmpty();
        for (String id : List.of("sub-query", "sub-webhook", "sub-email", "sub-ntfy", "sub-telegram-token")) {
            assertThat(driver.findElement(By.id(id)).getAttribute("aria-invalid")).as(id).isEqualTo("true");
        }
        assertThat(driver.findElement(By.id("sub-telegram-chat")).getAttribute("aria-invalid")).isNull();
        assertThat(driver.findElement(By.id("sub-status")).getAttribute("data-state")).isEqualTo("error");
        assertThat(driver.findElement(By.id("sub-save")).isEnabled()).isFalse();
        //When: a Telegram chat without a token (a malformed body, 400) is previewed
        driver.findElement(By.id("sub-telegram-token")).clear();
        driver.findElement(By.id("sub-query")).clear();
        driver.findElement(By.id("sub-webhook")).clear();
        driver.findElement(By.id("sub-email")).clear();
        driver.findElement(By.id("sub-ntfy")).clear();
        driver.findElement(By.id("sub-preview-button")).click();
        //Then: the missing token is named next to it, and the earlier reasons are gone
        wait.until(d -> d.findElement(By.id("sub-telegram-token-error")).getText().startsWith("is required"));
        assertThat(text("sub-query-error")).isEmpty();
        assertThat(text("sub-webhook-error")).isEmpty();
        //When: the form is made right
        type("sub-telegram-token", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        driver.findElement(By.id("sub-preview-button")).click();
        //Then: accepted, no reason left
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        assertThat(driver.findElements(By.cssSelector("#sub-form .field-error"))).allSatisfy(e ->
                assertThat(e.getText()).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#sub-form [aria-invalid]"))).isEmpty();
        assertNothingRan();
    }

    @Test
    void shouldChangeOnlyTheChannelsAnEditChangesAndKeepTheRestAsTheyWere() throws Exception {
        //Given: a subscription made through the API with a webhook, Telegram and a daily digest by e-mail
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"Desk\","
                + "\"themes\":[\"power-of-siberia\"],\"webhookUrl\":\"https://hooks.example.org/desk\","
                + "\"webhookSecret\":\"whsec_0123456789abcdef0123\",\"email\":\"desk@example.org\","
                + "\"mode\":\"daily_digest\",\"telegram\":{\"botToken\":\"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\","
                + "\"chatId\":\"-100200300\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.mapper().readTree(created.body()).get("id").asText();
        openWithKey(1);
        //When: edited in the page: the form shows its channels; only the name is changed
        driver.findElement(By.cssSelector("#sub-list li.subscription .edit")).click();
        assertThat(driver.findElement(By.id("sub-webhook")).getAttribute("value"))
                .isEqualTo("https://hooks.example.org/desk");
        assertThat(driver.findElement(By.id("sub-telegram-chat")).getAttribute("value")).isEqualTo("-100200300");
        assertThat(new Select(driver.findElement(By.id("sub-mode"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("DAILY_DIGEST");
        type("sub-name", "Desk (gas)");
        previewAndSave();
        wait.until(d -> d.findElement(By.cssSelector("#sub-list li.subscription .name")).getText()
                .equals("Desk (gas)"));
        //Then: every channel, the secret and the digest stay
        SubscriptionEvent after = t.subscriptions.get("alice", id).orElseThrow();
        assertThat(after.webhookUrl()).isEqualTo("https://hooks.example.org/desk");
        assertThat(after.webhookSecret()).isEqualTo("whsec_0123456789abcdef0123");
        assertThat(after.email()).isEqualTo("desk@example.org");
        assertThat(after.mode()).isEqualTo(DeliveryMode.DAILY_DIGEST);
        assertThat(after.telegram().chatId()).isEqualTo("-100200300");
        assertThat(driver.findElement(By.id("sub-secret")).isDisplayed()).as("an edit shows no secret").isFalse();
        //When: edited again: ntfy added, Telegram removed, delivery made immediate
        driver.findElement(By.cssSelector("#sub-list li.subscription .edit")).click();
        type("sub-ntfy", "https://ntfy.sh/desk_gas");
        driver.findElement(By.id("sub-telegram-token")).clear();
        driver.findElement(By.id("sub-telegram-chat")).clear();
        new Select(driver.findElement(By.id("sub-mode"))).selectByValue("IMMEDIATE");
        previewAndSave();
        wait.until(d -> d.findElement(By.cssSelector("#sub-list li.subscription .meta")).getText()
                .contains("ntfy https://ntfy.sh/desk_gas"));
        //Then: exactly those changed
        SubscriptionEvent last = t.subscriptions.get("alice", id).orElseThrow();
        assertThat(last.ntfy()).isEqualTo("https://ntfy.sh/desk_gas");
        assertThat(last.telegram()).isNull();
        assertThat(last.mode()).isEqualTo(DeliveryMode.IMMEDIATE);
        assertThat(last.webhookUrl()).isEqualTo("https://hooks.example.org/desk");
        assertThat(last.webhookSecret()).isEqualTo("whsec_0123456789abcdef0123");
        assertThat(last.email()).isEqualTo("desk@example.org");
        assertNothingRan();
    }

    @Test
    void shouldIssueTheAtomFeedLinkInThePageAndRotateItSoTheOldLinkNoLongerOpens() throws Exception {
        //Given
        assertThat(t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"Feed desk\"}").statusCode())
                .isEqualTo(201);
        openWithKey(1);
        //When: the feed link is asked for
        driver.findElement(By.cssSelector("#sub-list li.subscription .feed-link")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#sub-list li.subscription .feed-url")).isEmpty());
        String first = driver.findElement(By.cssSelector("#sub-list .feed-url")).getAttribute("value");
        //Then: it opens the subscription's Atom feed without the API key
        assertThat(first).startsWith("http://127.0.0.1:" + t.app.port() + "/subscriptions/").contains("token=ft_");
        HttpResponse<String> feed = t.send("GET", first.substring(first.indexOf("/subscriptions/")), null, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("<feed", "http://www.w3.org/2005/Atom");
        //When: a new link is asked for, confirmed by a second click
        WebElement rotate = driver.findElement(By.cssSelector("#sub-list li.subscription .feed-link"));
        rotate.click();
        assertThat(rotate.getText()).contains("click again");
        rotate.click();
        wait.until(d -> !first.equals(d.findElement(By.cssSelector("#sub-list .feed-url")).getAttribute("value")));
        String second = driver.findElement(By.cssSelector("#sub-list .feed-url")).getAttribute("value");
        //Then: the new one opens, the old one is a 404
        assertThat(t.send("GET", second.substring(second.indexOf("/subscriptions/")), null, null).statusCode())
                .isEqualTo(200);
        assertThat(t.send("GET", first.substring(first.indexOf("/subscriptions/")), null, null).statusCode())
                .isEqualTo(404);
        assertNothingRan();
    }
}
