package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Swagger UI at /api-docs, from its WebJar, renders every operation of /openapi.json in a headless Chromium. */
class ApiDocsBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;
    private TestApp t;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        t.close();
    }

    @Test
    void shouldServeThePageAndTheSwaggerUiFilesFromTheWebJar() throws Exception {
        //When
        HttpResponse<String> page = t.send("GET", "/api-docs", null, null);
        //Then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .contains("img-src 'self' data:").doesNotContain("unsafe");
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[0-9.]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertThat(bundle.find()).as(page.body()).isTrue();
        HttpResponse<String> js = t.send("GET", bundle.group(1), null, null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("SwaggerUIBundle");
        assertThat(t.send("GET", "/api-docs.js", null, null).body()).contains("/openapi.json");
    }

    @Test
    void shouldRenderEveryOperationOfTheDocumentInABrowser() {
        //Given
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
        //When
        driver.get(t.uri("/api-docs").toString());
        //Then
        int operations = t.httpRoutes().size();
        List<WebElement> shown = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> blocks = d.findElements(By.cssSelector(".opblock-summary-path"));
            return blocks.size() == operations ? blocks : null;
        });
        assertThat(shown).extracting(WebElement::getText).contains("/subscriptions/{id}/feed.atom", "/openapi.json");
    }
}
