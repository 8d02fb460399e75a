package org.newsmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.alerts.web.HealthReport;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.StreamsAppHealth;
import org.newsmonitor.contracts.json.Json;

/** /health tells the truth: the Kafka Streams state of every application, and 503 with the reason on failure. */
class AlertsHealthTest {
    @TempDir
    Path dir;

    @Test
    void shouldReportTheStateOfAWatchedStreamsApplicationAndFailWhenItsGlobalThreadDied() {
        // Given the alerts service watching the stream application of the same process
        AlertsService alerts = new AlertsService(AlertsConfig.defaults(ClientSettings.of("127.0.0.1:1"), dir));
        StreamsAppHealth stream = new StreamsAppHealth("news-monitor-stream");
        alerts.watch(stream);
        alerts.addCheck("ingest", () -> "ok");
        stream.stateChanged("RUNNING");
        assertThat(alerts.health().checks()).containsEntry("news-monitor-stream", "ok").containsEntry("ingest", "ok");
        assertThat(alerts.health().streams()).containsEntry("news-monitor-stream", "RUNNING")
                .containsEntry("news-monitor-alerts", "CREATED");
        // When its global thread dies on an exception, as Kafka Streams reports it through the listener and handler
        stream.uncaught(new IllegalStateException("global thread died"));
        stream.stateChanged("PENDING_ERROR");
        stream.stateChanged("ERROR");
        // Then the report says so, with the reason
        HealthReport report = alerts.health();
        assertThat(report.ok()).isFalse();
        assertThat(report.streams()).containsEntry("news-monitor-stream", "ERROR");
        assertThat(report.reason()).contains("news-monitor-stream: Kafka Streams application news-monitor-stream is "
                + "ERROR after an uncaught error: global thread died");
    }

    @Test
    void shouldAnswer503WithTheReasonWhenAStreamsApplicationIsInError() throws Exception {
        try (TestApp t = new TestApp()) {
            StreamsAppHealth policy = new StreamsAppHealth("news-monitor-alerts");
            policy.stateChanged("RUNNING");
            t.health.set(new HealthReport(Map.of("policy", policy.check()), Map.of("news-monitor-alerts",
                    policy.state())));
            HttpResponse<String> ok = t.send("GET", "/health", null, null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(json(ok).get("streams").get("news-monitor-alerts").asText()).isEqualTo("RUNNING");
            assertThat(json(ok).has("reason")).isFalse();

            policy.stateChanged("ERROR");
            t.health.set(new HealthReport(Map.of("policy", policy.check()), Map.of("news-monitor-alerts",
                    policy.state())));
            HttpResponse<String> failing = t.send("GET", "/health", null, null);
            assertThat(failing.statusCode()).isEqualTo(503);
            JsonNode body = json(failing);
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("reason").asText())
                    .isEqualTo("policy: Kafka Streams application news-monitor-alerts is ERROR");
            assertThat(body.get("streams").get("news-monitor-alerts").asText()).isEqualTo("ERROR");
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }
}
