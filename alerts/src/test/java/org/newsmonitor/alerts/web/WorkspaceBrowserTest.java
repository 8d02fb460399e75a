package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.policy.AlertPolicyTopology;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.testing.HeadlessChromium;
import org.newsmonitor.alerts.testing.Replay;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.SubTopic;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.themes.ThemeSpec;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as an analyst's workspace, in a real headless Chromium: the archive search with filters, the story
 * view, subscriptions made in the page (previewed before saving) that alert on replayed articles, charts over the data
 * held, and hostile feed text that stays inert everywhere.
 */
class WorkspaceBrowserTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String HIT = "window.__hits.push";

    @TempDir
    Path profile;
    @TempDir
    Path stateDir;
    private SearchService search;
    private TestApp t;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        search = new SearchService(ArticleIndex.inMemory(), Lexicon.empty(), new ArticleText(TextLimits.MAX_CONTENT),
                Clock.systemUTC());
        theme("power-of-siberia", "Power of Siberia", "2 [pipeline]: \"power of siberia\"\n2: газопровод\n1: price");
        t = new TestApp(search);
        driver = HeadlessChromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // lists are drawn anew when they change: an element found just before is then gone, and looked up again
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
    }

    private void theme(String id, String title, String rules) {
        ThemeSpec spec = ThemeSpec.of(id, title, "", Polarity.COOPERATION, List.of(), 2, null, rules, "test");
        search.catalog().apply(id, ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, NOW));
    }

    private static ArticleEvent article(String id, String source, String language, String title, String summary,
            String url, Instant publishedAt) {
        return ArticleEvent.of(id, "feed-" + id, source, url, title, summary, null, language, publishedAt, publishedAt,
                List.of());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void open() {
        driver.get("http://127.0.0.1:" + t.app.port() + "/");
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    // date inputs are set as a user's pick would set them, with the events a pick fires
    private void pickDate(String id, String isoDay) {
        js("const i = document.getElementById('" + id + "'); i.value = '" + isoDay + "';"
                + " i.dispatchEvent(new Event('input', {bubbles: true}));"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));");
    }

    private void assertNothingRan() {
        assertThat(js("return document.querySelectorAll('main script, main img, main iframe, main svg, main b, "
                + "main object, main embed').length")).isEqualTo(0L);
        assertThat(js("return Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
                + ".some(a => a.name.startsWith('on'))).length")).isEqualTo(0L);
        assertThat(js("return document.querySelectorAll('a[href^=\"javascript\"], a[href^=\"data\"]').length"))
                .isEqualTo(0L);
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
    }

    @Test
    void shouldFindAReplayedArticleWithFiltersAndShowItsStoryWithTheMatchedTermsAndItsOtherCopies() {
        //Given: one story in English and Russian from two sources, and an English article from elsewhere, older
        Replay.article(search, article("en-1", "Energy Wire", "en", "Power of Siberia 2 price talks resume",
                "Gazprom said the price formula is close.", "https://news.example.org/en-1",
                NOW.minus(Duration.ofDays(2))), "story-pos");
        Replay.article(search, article("ru-1", "TASS", "ru", "Газопровод «Сила Сибири 2»: цена",
                "Переговоры о цене газопровод продолжаются.", "https://tass.example.org/ru-1",
                NOW.minus(Duration.ofDays(2)).plusSeconds(3600)), "story-pos");
        Replay.article(search, article("old-1", "Pacific Monitor", "en", "Power of Siberia price, a year on",
                "Looking back.", "https://pm.example.org/old-1", NOW.minus(Duration.ofDays(400))), "story-old");
        open();
        //When: the search is narrowed by theme, language, source and time
        type("search-q", "price");
        new Select(driver.findElement(By.id("search-theme"))).selectByVisibleText("Power of Siberia");
        new Select(driver.findElement(By.id("search-lang"))).selectByValue("en");
        type("search-source", "energy wire");
        pickDate("search-from", NOW.minus(Duration.ofDays(30)).toString().substring(0, 10));
        pickDate("search-to", NOW.toString().substring(0, 10));
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> "done".equals(d.findElement(By.id("search-status")).getAttribute("data-state")));
        //Then: only the replayed English article of that source and time
        List<WebElement> results = driver.findElements(By.cssSelector("#results li.result"));
        assertThat(results).extracting(e -> e.getAttribute("data-article-id")).containsExactly("en-1");
        assertThat(results.get(0).findElements(By.cssSelector(".title mark"))).extracting(WebElement::getText)
                .containsExactly("price");
        //When: its story is opened
        results.get(0).findElement(By.className("open-story")).click();
        wait.until(d -> "en-1".equals(d.findElement(By.id("story-article")).getAttribute("data-article-id")));
        //Then: the article with the theme's terms and the search's term marked, why it matched, and the other copy
        WebElement story = driver.findElement(By.id("story-article"));
        assertThat(story.findElement(By.className("title")).getText()).isEqualTo("Power of Siberia 2 price talks resume");
        assertThat(story.findElements(By.cssSelector(".title mark"))).extracting(WebElement::getText)
                .containsExactly("Power of Siberia", "price");
        assertThat(story.findElements(By.cssSelector(".summary mark"))).extracting(WebElement::getText)
                .containsExactly("price");
        WebElement reason = story.findElement(By.cssSelector(".reason[data-theme='power-of-siberia']"));
        assertThat(reason.findElement(By.className("theme")).getText()).isEqualTo("Power of Siberia");
        assertThat(reason.findElement(By.className("score")).getText()).isEqualTo("score 3");
        assertThat(reason.findElement(By.className("subtopics")).getText()).isEqualTo("sub-topic: pipeline");
        assertThat(reason.findElement(By.className("terms")).getText()).isEqualTo("terms: Power of Siberia, price");
        assertThat(story.findElement(By.cssSelector(".reason.query .terms")).getText()).isEqualTo("terms: price");
        assertThat(driver.findElement(By.id("story-copies-title")).getText())
                .isEqualTo("Other copies of this story (1)");
        List<WebElement> copies = driver.findElements(By.cssSelector("#story-copies li.copy"));
        assertThat(copies).extracting(e -> e.getAttribute("data-article-id")).containsExactly("ru-1");
        assertThat(copies.get(0).findElement(By.className("source")).getText()).isEqualTo("TASS");
        assertThat(copies.get(0).findElement(By.className("language")).getText()).isEqualTo("ru");
        //When: the Russian copy is chosen
        copies.get(0).findElement(By.className("copy-title")).click();
        wait.until(d -> "ru-1".equals(d.findElement(By.id("story-article")).getAttribute("data-article-id")));
        //Then: its own terms are marked, and the English one is now among the other copies
        assertThat(driver.findElements(By.cssSelector("#story-article .title mark"))).extracting(WebElement::getText)
                .containsExactly("Газопровод");
        assertThat(driver.findElements(By.cssSelector("#story-copies li.copy")))
                .extracting(e -> e.getAttribute("data-article-id")).containsExactly("en-1");
        assertNothingRan();
    }

    private TopologyTestDriver policy() {
        Properties props = AlertPolicyTopology.streamsConfig(ClientSettings.of("dummy:9092"), stateDir.toString());
        return new TopologyTestDriver(AlertPolicyTopology.build(Duration.ofDays(1), (event, error) -> { }), props,
                NOW);
    }

    @Test
    void shouldPreviewBeforeSavingASubscriptionMadeInThePageThatThenAlertsOnAReplayedMatchingArticle() {
        //Given: an article the monitor already holds
        Replay.article(search, article("held-1", "Energy Wire", "en", "Power of Siberia 2: route agreed",
                "The route through Mongolia is set.", "https://news.example.org/held-1",
                NOW.minus(Duration.ofDays(3))), "story-held");
        open();
        //When: the key is given and a subscription to the theme is filled in
        type("api-key", ALICE_KEY);
        driver.findElement(By.cssSelector("#sub-key-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("sub-editor")).isDisplayed());
        assertThat(driver.findElement(By.id("sub-status")).getText()).isEqualTo("No subscription yet for this key.");
        type("sub-name", "Pipeline watch");
        driver.findElement(By.cssSelector("#sub-themes input[value='power-of-siberia']")).click();
        //Then: it cannot be saved before it is previewed
        assertThat(driver.findElement(By.id("sub-save")).isEnabled()).isFalse();
        //When: previewed
        driver.findElement(By.id("sub-preview-button")).click();
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        //Then: the preview shows what it would have alerted on, nothing is saved yet
        assertThat(driver.findElement(By.cssSelector("#sub-preview .summary")).getText()).startsWith("1 alert from");
        assertThat(driver.findElements(By.cssSelector("#sub-preview li.alert .title"))).extracting(WebElement::getText)
                .containsExactly("Power of Siberia 2: route agreed");
        assertThat(t.subscriptions.page("alice", null, 10).subscriptions()).isEmpty();
        //When: a change after the preview needs a new preview
        type("sub-name", "Pipeline watch (Siberia)");
        assertThat(driver.findElement(By.id("sub-save")).isEnabled()).isFalse();
        driver.findElement(By.id("sub-preview-button")).click();
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        driver.findElement(By.id("sub-save")).click();
        //Then: saved, listed, and its live alerts are followed
        wait.until(d -> d.findElements(By.cssSelector("#sub-list li.subscription")).size() == 1);
        WebElement listed = driver.findElement(By.cssSelector("#sub-list li.subscription"));
        String id = listed.getAttribute("data-subscription-id");
        SubscriptionEvent saved = t.subscriptions.get("alice", id).orElseThrow();
        assertThat(saved.name()).isEqualTo("Pipeline watch (Siberia)");
        assertThat(saved.themes()).containsExactly("power-of-siberia");
        assertThat(listed.findElement(By.className("meta")).getText()).isEqualTo("themes: Power of Siberia");
        wait.until(d -> "live".equals(d.findElement(By.id("sub-watch")).getAttribute("data-state")));
        //When: a matching article is replayed and the alert policy decides on its match
        List<ThemeMatchEvent> matches = Replay.article(search, article("new-1", "Energy Wire", "en",
                "Power of Siberia 2 price deal signed", "Gazprom and CNPC signed.", "https://news.example.org/new-1",
                NOW), "story-new");
        assertThat(matches).hasSize(1);
        try (TopologyTestDriver policy = policy()) {
            TestInputTopic<String, SubscriptionEvent> subscriptions = policy.createInputTopic(
                    Topics.SUBSCRIPTIONS.name(), new StringSerializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer());
            TestInputTopic<String, ThemeMatchEvent> themeMatches = policy.createInputTopic(
                    Topics.THEME_MATCHES.name(), new StringSerializer(), Topics.THEME_MATCHES.valueSerde().serializer());
            TestOutputTopic<String, AlertEvent> alerts = policy.createOutputTopic(Topics.ALERTS.name(),
                    new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
            subscriptions.pipeInput(saved.id(), saved);
            themeMatches.pipeInput(matches.get(0).storyId(), matches.get(0));
            for (AlertEvent alert : alerts.readValuesToList()) {
                t.feed.publish(alert);
            }
        }
        //Then: the page shows the subscription's alert, the matched term marked
        wait.until(d -> !d.findElements(By.cssSelector("#sub-alerts li.alert")).isEmpty());
        WebElement alert = driver.findElement(By.cssSelector("#sub-alerts li.alert"));
        assertThat(alert.findElement(By.className("title")).getText()).isEqualTo("Power of Siberia 2 price deal signed");
        assertThat(alert.findElements(By.cssSelector(".title mark"))).extracting(WebElement::getText)
                .contains("Power of Siberia");
        //When: it is edited (a query added), previewed and saved
        listed.findElement(By.className("edit")).click();
        assertThat(driver.findElement(By.id("sub-name")).getAttribute("value")).isEqualTo("Pipeline watch (Siberia)");
        type("sub-query", "deal OR route");
        driver.findElement(By.id("sub-preview-button")).click();
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        driver.findElement(By.id("sub-save")).click();
        wait.until(d -> d.findElement(By.cssSelector("#sub-list li.subscription .meta")).getText()
                .contains("query: deal OR route"));
        //Then: the same subscription changed
        assertThat(t.subscriptions.get("alice", id).orElseThrow().query()).isEqualTo("deal OR route");
        //When: deleted, with a second click to confirm
        WebElement delete = driver.findElement(By.cssSelector("#sub-list li.subscription .delete"));
        delete.click();
        assertThat(t.subscriptions.get("alice", id)).isPresent();
        delete.click();
        wait.until(d -> d.findElements(By.cssSelector("#sub-list li.subscription")).isEmpty());
        assertThat(t.subscriptions.get("alice", id)).isEmpty();
        assertNothingRan();
    }

    @Test
    void shouldDrawTheChartsOverTheDataHeldWhenItIsOlderThanAnyRecentWindow() {
        //Given: counts from a replayed archive, a year before now
        Instant day = Instant.parse("2025-05-08T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            Instant start = day.plus(Duration.ofDays(30L * i));
            t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", org.newsmonitor.contracts.event.Polarity.COOPERATION,
                    Granularity.DAY, start, start.plus(Duration.ofDays(1)), 1 + i));
            t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", org.newsmonitor.contracts.event.Polarity.COOPERATION,
                    Granularity.HOUR, start.plus(Duration.ofHours(9)), start.plus(Duration.ofHours(10)), 1 + i));
        }
        open();
        //Then: the hours chart shows the last 7 days of data held, not the empty hours before now
        wait.until(d -> "3".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        assertThat(driver.findElement(By.id("theme-chart")).getAttribute("data-to"))
                .isEqualTo("2025-07-07T10:00:00.000Z");
        //When: days are shown
        driver.findElement(By.id("by-day")).click();
        //Then: every day held is in range, and the range inputs say so
        wait.until(d -> "6".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        assertThat(driver.findElement(By.id("theme-chart")).getAttribute("data-buckets")).isEqualTo("3");
        assertThat(driver.findElement(By.id("chart-from")).getAttribute("value")).isEqualTo("2025-05-08");
        assertThat(driver.findElement(By.id("chart-to")).getAttribute("value")).isEqualTo("2025-07-07");
        //When: a narrower range is chosen
        pickDate("chart-from", "2025-06-01");
        pickDate("chart-to", "2025-06-30");
        driver.findElement(By.cssSelector("#chart-range button[type=submit]")).click();
        //Then: only the day inside it
        wait.until(d -> "2".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        //When: back to the data held
        driver.findElement(By.id("chart-held")).click();
        wait.until(d -> "6".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        assertNothingRan();
    }

    @Test
    void shouldRunNoScriptFromHostileTextInSearchStoryChartsOrSubscriptions() throws Exception {
        //Given: hostile text in an article, a copy, a theme title, counts, a surge and a subscription's name
        String title = "<script>" + HIT + "('script')</script><img src=x onerror=\"" + HIT
                + "('onerror')\"> Power of Siberia price";
        theme("hostile-theme", "<img src=x onerror=" + HIT + "('theme')>", "2: \"power of siberia\"");
        Replay.article(search, article("h-1", "<svg onload=" + HIT + "('source')>", "en", title,
                "<b onmouseover=" + HIT + "('b')>price</b> &amp; more", "javascript:" + HIT + "('link')",
                NOW.minus(Duration.ofHours(2))), "story-h");
        Replay.article(search, article("h-2", "<iframe src=javascript:" + HIT + "('iframe')>", "ru", title,
                "<a href=javascript:" + HIT + "('a')>x</a>", "data:text/html,<script>" + HIT + "('data')</script>",
                NOW.minus(Duration.ofHours(1))), "story-h");
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        String hostileTheme = "<img src=x onerror=" + HIT + "('chart')>";
        for (int i = 0; i < 3; i++) {
            Instant start = hour.plus(Duration.ofHours(i));
            t.stats.apply(new ThemeStatsEvent(1, hostileTheme, org.newsmonitor.contracts.event.Polarity.FRICTION,
                    Granularity.HOUR, start, start.plus(Duration.ofHours(1)), 2 + i));
        }
        t.stats.apply(new SurgeEvent(1, hostileTheme, hour.plus(Duration.ofHours(1)), hour.plus(Duration.ofHours(2)),
                9, 2.5, 3.6, NOW, "<script>" + HIT + "('surge')</script>", null, null, List.of(), List.of()));
        assertThat(t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"<img src=x onerror=" + HIT
                + "('sub')>\",\"themes\":[\"power-of-siberia\"]}").statusCode()).isEqualTo(201);
        open();
        //When: searched, the story opened, the charts hovered, the subscriptions listed and previewed
        type("search-q", "price");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 2);
        driver.findElement(By.cssSelector("#results li.result .open-story")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#story-copies li.copy")).isEmpty());
        wait.until(d -> "9".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        WebElement over = driver.findElement(By.cssSelector("#theme-chart .u-over"));
        new Actions(driver).moveToElement(over, 0, 0).perform();
        new Actions(driver).moveToElement(over, over.getSize().getWidth() / 2 - 4, 0).perform();
        wait.until(d -> d.findElement(By.cssSelector("#theme-chart .chart-tip")).isDisplayed());
        String tooltip = driver.findElement(By.cssSelector("#theme-chart .chart-tip")).getText();
        type("api-key", ALICE_KEY);
        driver.findElement(By.cssSelector("#sub-key-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#sub-list li.subscription")).size() == 1);
        driver.findElement(By.cssSelector("#sub-themes input[value='power-of-siberia']")).click();
        driver.findElement(By.id("sub-preview-button")).click();
        wait.until(d -> d.findElement(By.id("sub-save")).isEnabled());
        //Then: every hostile string is shown as the text it is, and nothing ran
        String hostileTitle = "<script>" + HIT + "('script')</script><img src=x onerror=\"" + HIT
                + "('onerror')\"> Power of Siberia price";
        assertThat(driver.findElement(By.cssSelector("#results li.result .title")).getText()).isEqualTo(hostileTitle);
        assertThat(driver.findElement(By.cssSelector("#story-article .title")).getText()).isEqualTo(hostileTitle);
        assertThat(driver.findElement(By.cssSelector("#story-article .reason .theme")).getText())
                .isEqualTo("<img src=x onerror=" + HIT + "('theme')>");
        assertThat(driver.findElement(By.cssSelector("#story-copies .copy .source")).getText())
                .startsWith("<");
        assertThat(driver.findElement(By.cssSelector("#theme-chart .u-legend")).getText()).contains(hostileTheme);
        assertThat(driver.findElement(By.id("surges")).getText()).contains("<script>" + HIT + "('surge')</script>");
        assertThat(tooltip).contains(hostileTheme);
        assertThat(driver.findElement(By.cssSelector("#sub-list .name")).getText())
                .isEqualTo("<img src=x onerror=" + HIT + "('sub')>");
        assertThat(driver.findElement(By.cssSelector("#sub-preview li.alert .title")).getText()).isEqualTo(hostileTitle);
        assertThat(driver.findElements(By.cssSelector("#story-article a, #results a, #sub-preview a"))).isEmpty();
        assertNothingRan();
    }

    @Test
    void shouldDescribeTheSubTopicsOfAMatchInTheSearchResultsAndTheStoryView() {
        //Given: a theme published with described sub-topics, one described with hostile text, and a replayed article
        ThemeSpec spec = new ThemeSpec("gas-routes", "Gas routes", "", Polarity.COOPERATION, List.of(), 2, null,
                "2 [route-talks]: route\n2 [hostile]: mongolia", "test", 1, 0, 0, 0, List.of(
                        new SubTopic("route-talks", "Where the pipeline runs and who agrees to it", 3, 5),
                        new SubTopic("hostile", "<img src=x onerror=" + HIT + "('subtopic')>", 4, 5)));
        search.catalog().apply(spec.id(), ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, NOW));
        Replay.article(search, article("r-1", "Energy Wire", "en", "Route through Mongolia agreed",
                "The route is set.", "https://news.example.org/r-1", NOW.minus(Duration.ofHours(3))), "story-r");
        open();
        //When: searched
        type("search-q", "route");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 1);
        //Then: the result names each sub-topic with what it covers
        WebElement result = driver.findElement(By.cssSelector("#results li.result"));
        assertThat(result.findElement(By.cssSelector(".subtopic[data-sub-topic='route-talks']")).getText())
                .isEqualTo("route-talks — Where the pipeline runs and who agrees to it");
        assertThat(result.findElement(By.cssSelector(".subtopic[data-sub-topic='hostile'] .subtopic-description"))
                .getText()).isEqualTo("<img src=x onerror=" + HIT + "('subtopic')>");
        //When: its story is opened
        result.findElement(By.className("open-story")).click();
        wait.until(d -> "r-1".equals(d.findElement(By.id("story-article")).getAttribute("data-article-id")));
        //Then: why it matched says the same
        WebElement reason = driver.findElement(By.cssSelector("#story-article .reason[data-theme='gas-routes']"));
        assertThat(reason.findElement(By.className("subtopics")).getText()).isEqualTo("sub-topic: route-talks — "
                + "Where the pipeline runs and who agrees to it; hostile — <img src=x onerror=" + HIT + "('subtopic')>");
        assertNothingRan();
    }

    @Test
    void shouldPageThroughTheCopiesOfAStoryLongerThanOnePage() {
        //Given: a story of 230 copies
        for (int i = 0; i < 230; i++) {
            Replay.article(search, article(String.format("c-%03d", i), "Wire " + i, "en",
                    "Power of Siberia copy " + i, "Same story.", "https://news.example.org/c-" + i,
                    NOW.minus(Duration.ofDays(1)).plusSeconds(i)), "story-long");
        }
        open();
        //When: the story of the oldest copy is opened
        js("NM.story.open('story-long', 'c-000', null)");
        wait.until(d -> "c-000".equals(d.findElement(By.id("story-article")).getAttribute("data-article-id")));
        //Then: the first page of copies, and more to come
        assertThat(driver.findElements(By.cssSelector("#story-copies li.copy"))).hasSize(99);
        assertThat(driver.findElement(By.id("story-copies-title")).getText())
                .isEqualTo("Other copies of this story (229; 99 shown)");
        WebElement more = driver.findElement(By.id("story-more"));
        assertThat(more.isDisplayed()).isTrue();
        //When: more copies are asked for, twice
        more.click();
        wait.until(d -> d.findElements(By.cssSelector("#story-copies li.copy")).size() == 199);
        driver.findElement(By.id("story-more")).click();
        wait.until(d -> d.findElements(By.cssSelector("#story-copies li.copy")).size() == 229);
        //Then: every copy once, oldest first, and nothing more to ask for
        List<String> ids = driver.findElements(By.cssSelector("#story-copies li.copy")).stream()
                .map(e -> e.getAttribute("data-article-id")).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(ids.get(228)).isEqualTo("c-229");
        assertThat(driver.findElement(By.id("story-more")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("story-copies-title")).getText())
                .isEqualTo("Other copies of this story (229)");
    }

    @Test
    void shouldOpenTheStoryAtTheClickedCopyBeyondTheFirstPageWithItsMarksAndTheEarlierCopiesReachable() {
        //Given: a story of 230 copies, of which copy 150 alone speaks of the price
        for (int i = 0; i < 230; i++) {
            Replay.article(search, article(String.format("c-%03d", i), "Wire " + i, "en",
                    "Power of Siberia copy " + i, i == 150 ? "The price is agreed." : "Same story.",
                    "https://news.example.org/c-" + i, NOW.minus(Duration.ofDays(1)).plusSeconds(i)), "story-long");
        }
        open();
        type("search-q", "price");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> "done".equals(d.findElement(By.id("search-status")).getAttribute("data-state")));
        WebElement result = driver.findElement(By.cssSelector("#results li.result[data-article-id='c-150']"));
        //When: the result's story is opened
        result.findElement(By.className("open-story")).click();
        wait.until(d -> "c-150".equals(d.findElement(By.id("story-article")).getAttribute("data-article-id")));
        //Then: that copy, with the search's term marked and why it matched, and the rest of its page
        assertThat(driver.findElements(By.cssSelector("#story-article .summary mark"))).extracting(WebElement::getText)
                .containsExactly("price");
        assertThat(driver.findElement(By.cssSelector("#story-article .reason.query .terms")).getText())
                .isEqualTo("terms: price");
        assertThat(driver.findElement(By.cssSelector("#story-article .reason[data-theme='power-of-siberia']"))
                .isDisplayed()).isTrue();
        List<String> page = driver.findElements(By.cssSelector("#story-copies li.copy")).stream()
                .map(e -> e.getAttribute("data-article-id")).toList();
        assertThat(page).hasSize(99).startsWith("c-100").endsWith("c-199").doesNotContain("c-150");
        //When: the earlier copies are asked for
        WebElement earlier = driver.findElement(By.id("story-earlier"));
        assertThat(earlier.isDisplayed()).isTrue();
        earlier.click();
        wait.until(d -> d.findElements(By.cssSelector("#story-copies li.copy")).size() == 199);
        //Then: they come first, oldest first, the clicked copy still shown, and no earlier copy left
        List<String> ids = driver.findElements(By.cssSelector("#story-copies li.copy")).stream()
                .map(e -> e.getAttribute("data-article-id")).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted().startsWith("c-000");
        assertThat(driver.findElement(By.id("story-article")).getAttribute("data-article-id")).isEqualTo("c-150");
        assertThat(driver.findElement(By.id("story-earlier")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("story-more")).isDisplayed()).isTrue();
    }

    @Test
    void shouldShowWhyTheApiRefusesAQueryNextToTheSearchBox() {
        //Given
        Replay.article(search, article("g-1", "Energy Wire", "en", "Power of Siberia price", "Talks.",
                "https://news.example.org/g-1", NOW.minus(Duration.ofHours(1))), "story-g");
        open();
        String expensive = java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "word" + i)
                .collect(java.util.stream.Collectors.joining(" OR "));
        List<List<String>> cases = List.of(
                List.of("", "is not a usable query: the query is empty"),
                List.of("x".repeat(10_001), "is not a usable query: the query is too long: 10001 "
                        + "characters, at most 10000"),
                List.of("gas OR p*", "is not a usable query: column 8: the query is too broad: the prefix"),
                List.of("NOT gas", "is not a usable query: column 1: the query is too broad"),
                List.of(expensive, "is not a usable query: the query is too expensive: 201 terms"));
        for (List<String> c : cases) {
            //When: the query is searched
            js("document.getElementById('search-q').value = arguments[0];", c.get(0));
            driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
            //Then: the API's reason is next to the search box, the box is marked, and no result is shown
            wait.until(d -> d.findElement(By.id("search-q-error")).getText().startsWith(c.get(1)));
            assertThat(driver.findElement(By.id("search-q")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElement(By.id("search-status")).getText())
                    .isEqualTo("The search was refused: see the query.");
            assertThat(driver.findElements(By.cssSelector("#results li.result"))).isEmpty();
            js("document.getElementById('search-q-error').textContent = '';");
        }
        //When: a good query follows
        type("search-q", "price");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 1);
        //Then: the reason is gone
        assertThat(driver.findElement(By.id("search-q-error")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("search-q")).getAttribute("aria-invalid")).isNull();
        assertNothingRan();
    }
}
