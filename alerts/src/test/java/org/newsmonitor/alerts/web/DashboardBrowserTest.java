package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.search.ArticleIndex;
import org.newsmonitor.alerts.search.SearchService;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.HeadlessChromium;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.TextLimits;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: live alerts, charts, the archive search, and hostile feed text that
 * must stay inert.
 */
class DashboardBrowserTest {
    private static final String HOSTILE_TITLE = "<script>window.__hits.push('script')</script>"
            + "<img src=x onerror=\"window.__hits.push('onerror')\"> Power of Siberia ${7*7}";

    @TempDir
    Path profile;
    private SearchService search;
    private TestApp t;
    private ChromeDriver driver;
    private Instant firstHour;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        search = new SearchService(ArticleIndex.inMemory(), Lexicon.empty(), new ArticleText(TextLimits.MAX_CONTENT),
                java.time.Clock.systemUTC());
        t = new TestApp(search);
        firstHour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(5));
        Instant hour = firstHour;
        for (int i = 0; i < 6; i++) {
            Instant start = hour.plus(Duration.ofHours(i));
            t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", Polarity.COOPERATION, Granularity.HOUR, start,
                    start.plus(Duration.ofHours(1)), 2 + i));
            t.stats.apply(new ThemeStatsEvent(1, "eeu-bri-friction", Polarity.FRICTION, Granularity.HOUR, start,
                    start.plus(Duration.ofHours(1)), 5 - i % 3));
        }
        t.stats.apply(new SurgeEvent(1, "power-of-siberia", hour.plus(Duration.ofHours(4)),
                hour.plus(Duration.ofHours(5)), 9, 2.5, 3.6, Instant.now()));
        driver = HeadlessChromium.start(profile);
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

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void shouldShowLiveAlertsAndChartsAndKeepHostileTextInert() {
        //Given
        t.feed.publish(Fixtures.alert("earlier", "default", "arms-sales", "An earlier alert"));
        driver.get("http://127.0.0.1:" + t.app.port() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        wait.until(d -> "51".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        //When: alerts arrive while the page is open
        AlertEvent hostile = new AlertEvent(1, "hostile-1", "default", AlertKind.MATCH, "power-of-siberia",
                "<b onmouseover=alert(1)>Power</b>", "story-h", "article-h", HOSTILE_TITLE,
                "javascript:window.__hits.push('link')", "<svg onload=alert(2)>", Instant.now(), 3.0,
                List.of(new MatchedTerm("Power of Siberia", "title", 0, 16)), "<iframe src=javascript:alert(3)>",
                Instant.now());
        t.feed.publish(hostile);
        t.feed.publish(Fixtures.alert("normal-1", "default", "power-of-siberia",
                "Power of Siberia 2: pricing talks resume"));
        wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).size() == 3);
        //Then: the newest alert is on top, linked safely, with the matched term highlighted
        List<WebElement> items = driver.findElements(By.cssSelector("#alerts li.alert"));
        assertThat(items.get(0).getAttribute("data-alert-id")).isEqualTo("normal-1");
        WebElement link = items.get(0).findElement(By.cssSelector("a.title"));
        assertThat(link.getAttribute("href")).isEqualTo("https://news.example.org/normal-1");
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(link.findElement(By.tagName("mark")).getText()).isEqualTo("Power of Siberia");
        assertThat(items.get(0).findElement(By.className("theme")).getText()).isEqualTo("power-of-siberia title");
        assertThat(items.get(0).findElement(By.className("source")).getText()).isEqualTo("Example Wire");
        assertThat(items.get(0).findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
        assertThat(items.get(0).findElement(By.tagName("time")).getText()).as("date with year and time zone")
                .contains(items.get(0).findElement(By.tagName("time")).getAttribute("datetime").substring(0, 4))
                .containsPattern("(UTC|GMT|[A-Z]{3,5})([+-]\\d{1,2}(:\\d\\d)?)?$").doesNotEndWith("AM")
                .doesNotEndWith("PM");
        // and the hostile one is shown as text, not run
        WebElement bad = items.get(1);
        assertThat(bad.findElements(By.cssSelector("a"))).isEmpty();
        assertThat(bad.findElement(By.className("title")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(bad.findElement(By.className("theme")).getText()).isEqualTo("<b onmouseover=alert(1)>Power</b>");
        assertThat(bad.findElement(By.className("source")).getText()).isEqualTo("<svg onload=alert(2)>");
        assertThat(js("return document.querySelectorAll('#alerts script, #alerts img, #alerts iframe, #alerts svg, "
                + "#alerts b').length")).isEqualTo(0L);
        assertThat(js("return Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
                + ".some(a => a.name.startsWith('on'))).length")).isEqualTo(0L);
        assertThat(js("return document.querySelectorAll('a[href^=\"javascript\"]').length")).isEqualTo(0L);
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
        // the charts are drawn by uPlot over the last 7 days of the data held, with the surge listed
        assertThat(driver.findElements(By.cssSelector("#theme-chart canvas, #balance-chart canvas"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#theme-chart .u-legend .u-series .u-label")))
                .extracting(WebElement::getText).containsExactly("Time", "EEU-BRI friction", "Power of Siberia");
        assertThat(driver.findElements(By.cssSelector("#balance-chart .u-legend .u-series .u-label")))
                .extracting(WebElement::getText).containsExactly("Time", "Cooperation", "Friction", "Balance");
        assertThat(driver.findElement(By.id("theme-chart")).getAttribute("data-buckets")).isEqualTo("6");
        Instant heldTo = firstHour.plus(Duration.ofHours(6));
        assertThat(driver.findElement(By.id("theme-chart")).getAttribute("data-to")).isEqualTo(heldTo.toString()
                .replace("Z", ".000Z"));
        assertThat(driver.findElements(By.cssSelector("#surges li"))).extracting(WebElement::getText)
                .singleElement().asString().startsWith("Surge: Power of Siberia (9 matches");
        String screenshot = System.getProperty("dashboard.screenshot");
        if (screenshot != null) {
            // a picture for people checking the layout: -Ddashboard.screenshot=/tmp/dashboard.png
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
            byte[] png = driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            try {
                Files.write(Path.of(screenshot), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        // the day view loads without a reload
        driver.findElement(By.id("by-day")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("by-day")).getAttribute("aria-pressed")));
        wait.until(d -> "0".equals(d.findElement(By.id("theme-chart")).getAttribute("data-total")));
        assertThat(driver.findElement(By.id("chart-note")).getText()).isEqualTo("No matches counted yet.");
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
    }
    @Test
    void shouldHighlightExactlyTheMatchedTextAtTheOffsetsTheMatcherGave() {
        //Given: a prefix term and a word that also begins a longer word, in the title and in the snippet
        String title = "Russian buyers wait as Gazprom's talks with Russia go on";
        String snippet = "…officials said Газпрома and Russia agreed; Russian media…";
        AlertEvent alert = new AlertEvent(1, "offsets-1", "default", AlertKind.MATCH, "power-of-siberia",
                "Power of Siberia", "story-o", "article-o", title, "https://news.example.org/o", "Example Wire",
                Instant.now(), 6.0, List.of(new MatchedTerm("gazprom*", "title", 23, 32),
                        new MatchedTerm("russia", "title", 44, 50)), snippet, Instant.now(), null,
                List.of(new MatchedTerm("газпром*", "snippet", 16, 24),
                        new MatchedTerm("russia", "snippet", 29, 35)));
        driver.get("http://127.0.0.1:" + t.app.port() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        //When
        t.feed.publish(alert);
        wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).size() == 1);
        //Then: the prefix matches are marked, and "Russian" is not
        WebElement item = driver.findElement(By.cssSelector("#alerts li.alert"));
        assertThat(item.findElements(By.cssSelector(".title mark"))).extracting(WebElement::getText)
                .containsExactly("Gazprom's", "Russia");
        assertThat(item.findElements(By.cssSelector(".snippet mark"))).extracting(WebElement::getText)
                .containsExactly("Газпрома", "Russia");
        assertThat(item.findElement(By.className("title")).getText()).isEqualTo(title);
        assertThat(item.findElement(By.className("snippet")).getText()).isEqualTo(snippet);
    }

    private static ArticleEvent article(String id, String title, String summary, String url, Instant publishedAt) {
        return ArticleEvent.of(id, "feed-wire", "Energy Wire", url, title, summary, null, "en", publishedAt,
                publishedAt, List.of());
    }

    private WebDriverWait openDashboard() {
        driver.get("http://127.0.0.1:" + t.app.port() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        return wait;
    }

    private void searchFor(String query) {
        WebElement box = driver.findElement(By.id("search-q"));
        box.clear();
        box.sendKeys(query);
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    }

    @Test
    void shouldSearchTheArchiveHighlightTheTermsAsTextAndPageOn() {
        //Given: a hostile article, a normal one matched by a theme, both newest, and 20 older ones
        Instant now = Instant.now();
        ArticleEvent normal = article("s-normal", "Power of Siberia 2 price talks resume",
                "Gazprom said the price formula is close.", "https://news.example.org/s-normal", now);
        search.index().index(normal.id(), normal);
        search.index().annotate(normal.id(), new ThemeMatchEvent(ThemeMatchEvent.CURRENT_VERSION, normal.id(),
                "story-n", "power-of-siberia", "Power of Siberia", Polarity.COOPERATION, 3,
                List.of(new MatchedTerm("power of siberia", "title", 0, 16)), "", normal.title(), normal.url(),
                normal.source(), normal.language(), now, now));
        String hostileTitle = "<img src=x onerror=alert(1)> Gas & \"pipeline\" price <mark>";
        search.index().index("s-hostile", article("s-hostile", hostileTitle,
                "Moscow <b onmouseover=alert(2)>and</b> Beijing agree on the price &amp; more.",
                "javascript:alert(3)", now.minusSeconds(60)));
        for (int i = 0; i < 20; i++) {
            search.index().index("s-old-" + i, article("s-old-" + i, "Price report " + i, "Weekly price figures.",
                    "https://news.example.org/old-" + i, now.minus(Duration.ofDays(1 + i))));
        }
        WebDriverWait wait = openDashboard();
        //When
        searchFor("price");
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 20);
        //Then: the newest first, linked safely, the term in a mark, with its theme, source and dated
        List<WebElement> results = driver.findElements(By.cssSelector("#results li.result"));
        WebElement first = results.get(0);
        assertThat(first.getAttribute("data-article-id")).isEqualTo("s-normal");
        WebElement link = first.findElement(By.cssSelector("a.title"));
        assertThat(link.getText()).isEqualTo(normal.title());
        assertThat(link.getAttribute("href")).isEqualTo("https://news.example.org/s-normal");
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(link.findElements(By.tagName("mark"))).extracting(WebElement::getText).containsExactly("price");
        assertThat(first.findElements(By.cssSelector(".snippet mark"))).extracting(WebElement::getText)
                .containsExactly("price");
        assertThat(first.findElement(By.className("theme")).getText()).isEqualTo("Power of Siberia");
        assertThat(first.findElement(By.className("source")).getText()).isEqualTo("Energy Wire");
        WebElement time = first.findElement(By.tagName("time"));
        assertThat(time.getText()).as("date with year and time zone")
                .contains(time.getAttribute("datetime").substring(0, 4))
                .containsPattern("(UTC|GMT|[A-Z]{3,5})([+-]\\d{1,2}(:\\d\\d)?)?$");
        // the hostile title and snippet are text: no element, no link, no script ran
        WebElement hostile = results.get(1);
        assertThat(hostile.getAttribute("data-article-id")).isEqualTo("s-hostile");
        assertThat(hostile.findElements(By.tagName("a"))).isEmpty();
        assertThat(hostile.findElement(By.className("title")).getText()).isEqualTo(hostileTitle);
        assertThat(hostile.findElements(By.cssSelector(".title mark"))).extracting(WebElement::getText)
                .containsExactly("price");
        assertThat(hostile.findElement(By.className("snippet")).getText())
                .isEqualTo("Moscow <b onmouseover=alert(2)>and</b> Beijing agree on the price &amp; more.");
        assertThat(js("return document.querySelectorAll('#results img, #results b, #results script').length"))
                .isEqualTo(0L);
        assertThat(js("return Array.from(document.querySelectorAll('#results *')).filter(e => "
                + "Array.from(e.attributes).some(a => a.name.startsWith('on'))).length")).isEqualTo(0L);
        assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo("Showing 20 of 22");
        //When: the next page is asked for
        driver.findElement(By.id("search-more")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 22);
        //Then: it follows on, with no repeat, and there is no further page
        assertThat(driver.findElements(By.cssSelector("#results li.result")))
                .extracting(e -> e.getAttribute("data-article-id")).doesNotHaveDuplicates()
                .endsWith("s-old-18", "s-old-19");
        wait.until(d -> !d.findElement(By.id("search-more")).isDisplayed());
        //When: the theme and the language narrow the search
        new Select(driver.findElement(By.id("search-theme"))).selectByVisibleText("Power of Siberia");
        new Select(driver.findElement(By.id("search-lang"))).selectByValue("en");
        searchFor("price");
        wait.until(d -> d.findElements(By.cssSelector("#results li.result")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#results li.result")).getAttribute("data-article-id"))
                .isEqualTo("s-normal");
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
    }

    @Test
    void shouldShowTheApiMessageWhenTheQueryIsRefused() throws Exception {
        //Given
        search.index().index("s-1", article("s-1", "Gas price", "Talks.", "https://news.example.org/s-1",
                Instant.now()));
        String expected = Json.mapper().readTree(t.send("GET", "/search?q=%28gas%20AND", null, null).body())
                .get("errors").get(0).get("message").asText();
        assertThat(expected).startsWith("is not a usable query:");
        WebDriverWait wait = openDashboard();
        //When
        searchFor("(gas AND");
        //Then: the API's reason next to the search box
        wait.until(d -> "error".equals(d.findElement(By.id("search-status")).getAttribute("data-state")));
        assertThat(driver.findElement(By.id("search-q-error")).getText()).isEqualTo(expected);
        assertThat(driver.findElement(By.id("search-status")).getText())
                .isEqualTo("The search was refused: see the query.");
        assertThat(driver.findElements(By.cssSelector("#results li"))).isEmpty();
        assertThat(driver.findElement(By.id("search-more")).isDisplayed()).isFalse();
        assertThat(js("return window.__hits.length")).isEqualTo(0L);
    }
}
