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
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium: live alerts, charts, and hostile feed text that must stay inert. */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE_TITLE = "<script>window.__hits.push('script')</script>"
            + "<img src=x onerror=\"window.__hits.push('onerror')\"> Power of Siberia ${7*7}";

    @TempDir
    Path profile;
    private TestApp t;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        t = new TestApp();
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(5));
        for (int i = 0; i < 6; i++) {
            Instant start = hour.plus(Duration.ofHours(i));
            t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", Polarity.COOPERATION, Granularity.HOUR, start,
                    start.plus(Duration.ofHours(1)), 2 + i));
            t.stats.apply(new ThemeStatsEvent(1, "eeu-bri-friction", Polarity.FRICTION, Granularity.HOUR, start,
                    start.plus(Duration.ofHours(1)), 5 - i % 3));
        }
        t.stats.apply(new SurgeEvent(1, "power-of-siberia", hour.plus(Duration.ofHours(4)),
                hour.plus(Duration.ofHours(5)), 9, 2.5, 3.6, Instant.now()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // every way a page can pop a dialog is recorded instead, before any page script runs
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__hits = []; window.alert = window.confirm = window.prompt = "
                        + "function (m) { window.__hits.push('dialog:' + m); };"));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (t != null) {
            t.close();
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
        wait.until(d -> !d.findElements(By.cssSelector("#theme-chart polyline.series")).isEmpty());
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
        // the charts are drawn, with the balance bars and the surge marked
        assertThat(driver.findElements(By.cssSelector("#theme-chart polyline.series"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#balance-chart rect.coop"))).hasSize(6);
        assertThat(driver.findElements(By.cssSelector("#balance-chart rect.fric"))).hasSize(6);
        assertThat(driver.findElements(By.cssSelector("#theme-chart path.surge"))).hasSize(1);
        assertThat(driver.findElement(By.id("legend")).getText()).contains("Power of Siberia");
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
}
