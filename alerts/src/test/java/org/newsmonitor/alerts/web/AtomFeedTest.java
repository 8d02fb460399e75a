package org.newsmonitor.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.TestApp.ALICE_KEY;
import static org.newsmonitor.alerts.testing.TestApp.BOB_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;

/** GET /subscriptions/{id}/feed.atom, opened by the API key or a rotatable feed token, parsed back with Rome. */
class AtomFeedTest {
    private TestApp t;
    private String id;

    @BeforeEach
    void start() throws Exception {
        t = new TestApp();
        HttpResponse<String> created = t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"Gas desk\"}");
        id = Json.mapper().readTree(created.body()).get("id").asText();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private AlertEvent alert(String alertId, String subscription, String title, Instant createdAt) {
        return new AlertEvent(1, alertId, subscription, AlertKind.MATCH, "power-of-siberia", "Power of Siberia",
                "story-" + alertId, "article-" + alertId, title, "https://news.example.org/" + alertId, "Example Wire",
                Fixtures.T0, 4.5, List.of(new MatchedTerm("Power of Siberia", "title", 0, 16),
                        new MatchedTerm("Сила Сибири", "content", 3, 14)), "snippet of " + alertId, createdAt);
    }

    private static Feed parse(HttpResponse<String> r) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(r.body()));
    }

    private String rotate() throws Exception {
        HttpResponse<String> r = t.send("POST", "/subscriptions/" + id + "/feed-token", ALICE_KEY, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("feedUrl").asText()).isEqualTo("/subscriptions/" + id + "/feed.atom?token="
                + body.get("token").asText());
        return body.get("token").asText();
    }

    private HttpResponse<String> withToken(String subscription, String token) throws Exception {
        return t.send("GET", "/subscriptions/" + subscription + "/feed.atom?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), null, null);
    }

    @Test
    void shouldAnswerAValidAtomFeedOfTheSubscriptionsRecentAlertsNewestFirst() throws Exception {
        //Given
        Instant first = Instant.parse("2026-03-02T09:00:00Z");
        Instant second = Instant.parse("2026-03-02T10:00:00Z");
        t.feed.publish(alert("a1", id, "Power of Siberia 2 <b>pricing</b> & terms", first));
        t.feed.publish(alert("a2", id, "Gazprom and CNPC sign\u0001 memorandum", second));
        t.feed.publish(alert("other", "someone-else", "Not for this feed", second));
        //When
        HttpResponse<String> r = t.send("GET", "/subscriptions/" + id + "/feed.atom", ALICE_KEY, null);
        //Then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Feed feed = parse(r);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("urn:news-monitor:subscription:" + id);
        assertThat(feed.getTitle()).contains("Gas desk");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(second);
        List<Entry> entries = feed.getEntries();
        assertThat(entries).extracting(Entry::getId)
                .containsExactly("urn:news-monitor:alert:a2", "urn:news-monitor:alert:a1");
        Entry e = entries.get(1);
        assertThat(e.getTitle()).isEqualTo("Power of Siberia 2 <b>pricing</b> & terms");
        assertThat(e.getAlternateLinks().get(0).getHref()).isEqualTo("https://news.example.org/a1");
        assertThat(e.getAuthors().get(0).getName()).isEqualTo("Example Wire");
        assertThat(e.getUpdated().toInstant()).isEqualTo(first);
        assertThat(e.getPublished().toInstant()).isEqualTo(Fixtures.T0);
        assertThat(e.getCategories()).extracting(Category::getScheme, Category::getTerm).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AtomFeedWriter.THEME_SCHEME, "power-of-siberia"),
                org.assertj.core.groups.Tuple.tuple(AtomFeedWriter.TERM_SCHEME, "Power of Siberia"),
                org.assertj.core.groups.Tuple.tuple(AtomFeedWriter.TERM_SCHEME, "Сила Сибири"));
        assertThat(e.getSummary().getValue()).contains("Source: Example Wire").contains("Theme: Power of Siberia")
                .contains("Matched: Power of Siberia, Сила Сибири");
        assertThat(entries.get(0).getTitle()).isEqualTo("Gazprom and CNPC sign memorandum");
    }

    @Test
    void shouldOpenTheFeedWithTheCurrentTokenOnlyAndAnswer404ForARotatedOrForeignOne() throws Exception {
        //Given
        t.feed.publish(alert("a1", id, "Pipeline", Fixtures.T0));
        HttpResponse<String> other = t.send("POST", "/subscriptions", ALICE_KEY, "{\"name\":\"Other\"}");
        String otherId = Json.mapper().readTree(other.body()).get("id").asText();
        t.feed.publish(alert("secret", otherId, "Other desk's alert", Fixtures.T0));
        String old = rotate();
        String current = rotate();
        //When
        HttpResponse<String> ok = withToken(id, current);
        HttpResponse<String> rotated = withToken(id, old);
        HttpResponse<String> wrong = withToken(id, "ft_guess");
        HttpResponse<String> foreign = withToken(otherId, current);
        HttpResponse<String> anonymous = t.send("GET", "/subscriptions/" + id + "/feed.atom", null, null);
        HttpResponse<String> bob = t.send("GET", "/subscriptions/" + id + "/feed.atom", BOB_KEY, null);
        HttpResponse<String> bobRotates = t.send("POST", "/subscriptions/" + id + "/feed-token", BOB_KEY, null);
        //Then
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(parse(ok).getEntries()).extracting(Entry::getId).containsExactly("urn:news-monitor:alert:a1");
        for (HttpResponse<String> refused : List.of(rotated, wrong, foreign, bob, bobRotates)) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("Other desk's alert").doesNotContain("Pipeline");
            assertThat(Json.mapper().readTree(refused.body()).has("field")).isTrue();
        }
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withToken(id, current).statusCode()).as("bob's attempt changed nothing").isEqualTo(200);
    }

    @Test
    void shouldKeepOnlyTheTokensHashOnTheRecordSoTheTokenWorksAfterTheViewIsRebuilt() throws Exception {
        //Given
        String token = rotate();
        SubscriptionEvent stored = t.store.get(id).orElseThrow();
        byte[] onTheTopic = Topics.SUBSCRIPTIONS.valueSerde().serialize(Topics.SUBSCRIPTIONS.name(), stored);
        //When: another instance rebuilds its view from the subscriptions topic
        try (TestApp restarted = new TestApp()) {
            restarted.store.put(Topics.SUBSCRIPTIONS.valueSerde().deserialize(Topics.SUBSCRIPTIONS.name(), onTheTopic));
            HttpResponse<String> r = restarted.send("GET", "/subscriptions/" + id + "/feed.atom?token=" + token,
                    null, null);
            //Then
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        assertThat(new String(onTheTopic, StandardCharsets.UTF_8)).doesNotContain(token);
        assertThat(stored.feedTokenHash()).matches("[0-9a-f]{64}");
    }
}
