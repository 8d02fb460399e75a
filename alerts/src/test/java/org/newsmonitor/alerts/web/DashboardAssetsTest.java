package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.TestApp;

/** The dashboard's page names only assets the application serves itself, the chart library from its WebJar. */
class DashboardAssetsTest {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
    private final TestApp t = new TestApp();

    @AfterEach
    void stop() {
        t.close();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DashboardAssetsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldServeEveryScriptAndStylesheetThePageNamesFromTheApplicationItself() throws Exception {
        //Given
        String page = resource("/public/index.html");
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            if (m.group(1).endsWith(".js") || m.group(1).endsWith(".css")) {
                assets.add(m.group(1));
            }
        }
        //Then: uPlot is the version on the class path, and nothing comes from elsewhere
        String version = resource("/META-INF/maven/org.webjars.npm/uplot/pom.properties").lines()
                .filter(l -> l.startsWith("version=")).findFirst().orElseThrow().substring("version=".length());
        assertThat(assets).contains("webjars/uplot/" + version + "/dist/uPlot.iife.min.js",
                "webjars/uplot/" + version + "/dist/uPlot.min.css", "dom.js", "charts.js", "app.js");
        assertThat(assets).allSatisfy(a -> assertThat(a).doesNotContain("//").doesNotStartWith("http"));
        for (String asset : assets) {
            //When
            HttpResponse<String> r = t.send("GET", "/" + asset, null, null);
            //Then
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(asset)
                    .startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(asset)
                    .hasValue(AlertsApp.CONTENT_SECURITY_POLICY);
        }
    }
}
