package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.Json;

/** GET /stats: a range of windows, and the span of the data held that the dashboard's charts default to. */
class StatsRouteTest {
    private TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
        for (String day : new String[] {"2025-05-08", "2025-11-20", "2026-10-12"}) {
            Instant start = Instant.parse(day + "T00:00:00Z");
            t.stats.apply(new ThemeStatsEvent(1, "power-of-siberia", Polarity.COOPERATION, Granularity.DAY, start,
                    start.plus(Duration.ofDays(1)), 2));
        }
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private JsonNode get(String query) throws Exception {
        HttpResponse<String> r = t.send("GET", "/stats?" + query, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void shouldAnswerTheWindowsOfTheRangeAndTheSpanHeld() throws Exception {
        //When
        JsonNode range = get("granularity=day&from=2025-06-01&to=2026-10-11");
        JsonNode all = get("granularity=day");
        //Then
        assertThat(range.get("buckets")).hasSize(1);
        assertThat(range.get("buckets").get(0).get("start").asText()).isEqualTo("2025-11-20T00:00:00Z");
        assertThat(range.get("heldFrom").asText()).isEqualTo("2025-05-08T00:00:00Z");
        assertThat(range.get("heldTo").asText()).isEqualTo("2026-10-13T00:00:00Z");
        assertThat(all.get("buckets")).hasSize(3);
        assertThat(get("granularity=hour").has("heldFrom")).as("no hour held").isFalse();
    }

    @Test
    void shouldCountADateAsToAsTheWholeDay() throws Exception {
        assertThat(get("granularity=day&from=2026-10-12&to=2026-10-12").get("buckets")).hasSize(1);
    }
}
