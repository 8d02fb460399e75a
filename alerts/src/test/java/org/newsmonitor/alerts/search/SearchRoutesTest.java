package org.newsmonitor.alerts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsmonitor.alerts.search.SearchFixtures.T0;
import static org.newsmonitor.alerts.search.SearchFixtures.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.alerts.testing.Replay;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.SubTopic;
import org.newsmonitor.themes.ThemeSpec;

class SearchRoutesTest {
    private final SearchService search = SearchFixtures.service(Clock.fixed(T0.plus(Duration.ofDays(3)),
            ZoneOffset.UTC));
    private TestApp app;

    @BeforeEach
    void start() {
        app = new TestApp(search);
        ArticleEvent hostile = article("x1", "<script>alert(1)</script> Gas & \"pipeline\" talks",
                "Moscow <b>and</b> Beijing agree on gas prices.", null, "en", "Energy Wire", T0);
        search.index().index("x1", hostile);
        search.index().index("r1", article("r1", "Газопровод", "Переговоры", null, "ru", "TASS", T0));
        search.index().annotate("x1", SearchFixtures.match(hostile, "power-of-siberia", "story-1"));
    }

    @AfterEach
    void stop() {
        app.close();
        search.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return app.send("GET", "/search?" + query, null, null);
    }

    private static String q(String expression) {
        return "q=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void findsArticlesWithEscapedHighlightsAndTheirThemesAndStory() throws Exception {
        HttpResponse<String> r = get(q("gas AND pipeline") + "&theme=power-of-siberia&lang=EN&source=energy%20wire");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(1, body.get("total").asInt());
        JsonNode hit = body.get("results").get(0);
        assertEquals("x1", hit.get("articleId").asText());
        assertEquals("story-1", hit.get("storyId").asText());
        assertEquals("power-of-siberia", hit.get("themes").get(0).asText());
        String title = hit.get("titleHtml").asText();
        assertFalse(title.contains("<script>"), title);
        assertTrue(title.contains("&lt;script&gt;"), title);
        assertTrue(title.contains("<mark>Gas</mark>"), title);
        assertTrue(title.contains("<mark>pipeline</mark>"), title);
        String snippet = hit.get("snippetHtml").asText();
        assertTrue(snippet.contains("<mark>gas</mark>") && snippet.contains("&lt;b&gt;"), snippet);
        assertFalse(body.has("nextCursor"), "the last page has no cursor");
    }

    @Test
    void snippetsComeFromTheFullTextWhenTheSummaryHasNoMatch() throws Exception {
        search.index().index("c1", article("c1", "Weekly roundup", "Several stories this week.",
                "Far below, the Zarubino port plan was approved.", "en", "Wire", T0));
        JsonNode hit = json(get(q("zarubino"))).get("results").get(0);
        assertEquals("Weekly roundup", hit.get("titleHtml").asText());
        assertTrue(hit.get("snippetHtml").asText().contains("the <mark>Zarubino</mark> port"), hit.toString());
        hit = json(get(q("title:weekly"))).get("results").get(0);
        assertEquals("Several stories this week.", hit.get("snippetHtml").asText());
    }

    @Test
    void filtersByLanguageSourceAndTime() throws Exception {
        assertEquals(0, json(get(q("gas") + "&lang=ru")).get("total").asInt());
        assertEquals(0, json(get(q("gas") + "&source=TASS")).get("total").asInt());
        assertEquals(1, json(get(q("газопровод") + "&lang=ru,en")).get("total").asInt());
        search.index().index("h1", article("h1", "天然气", "", null, "zh-Hans", "Xinhua", T0));
        JsonNode hans = json(get(q("天然气") + "&lang=ZH-hans"));
        assertEquals(1, hans.get("total").asInt());
        assertEquals("zh-Hans", hans.get("results").get(0).get("language").asText(), "the language as published");
        assertEquals(0, json(get(q("gas") + "&from=2026-05-02")).get("total").asInt());
        assertEquals(1, json(get(q("gas") + "&from=2026-04-30&to=2026-05-01")).get("total").asInt());
    }

    @Test
    void describesTheSubTopicsEachHitMatchedAsThePublishedThemeDescribesThem() throws Exception {
        //Given: a theme published with a described sub-topic, and an article whose match named it
        ThemeSpec spec = new ThemeSpec("gas-deals", "Gas deals", "", Polarity.COOPERATION, List.of(), 1, null,
                "2 [price-talks]: price", "test", 1, 0, 0, 0,
                List.of(new SubTopic("price-talks", "Talks on the price of pipeline gas", 3, 5)));
        search.catalog().apply("gas-deals", ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, T0));
        Replay.article(search, article("p1", "Gas price talks", "Close.", null, "en", "Wire", T0), "story-p");
        //When
        JsonNode hit = json(get(q("price"))).get("results").get(0);
        //Then
        assertEquals("p1", hit.get("articleId").asText());
        JsonNode described = hit.get("subTopics").get("gas-deals").get(0);
        assertEquals("price-talks", described.get("id").asText());
        assertEquals("Talks on the price of pipeline gas", described.get("description").asText());
        //And: a hit whose matches named no sub-topic has none
        assertEquals(0, json(get(q("pipeline"))).get("results").get(0).get("subTopics").size());
    }

    @Test
    void refusesAnInvalidQueryNamingThePosition() throws Exception {
        HttpResponse<String> r = get(q("gas AND (oil"));
        assertEquals(422, r.statusCode());
        JsonNode error = json(r).get("errors").get(0);
        assertEquals("q", error.get("field").asText());
        assertTrue(error.get("message").asText().startsWith("is not a usable query: column 9:"), r.body());

        assertEquals(422, get("q=").statusCode());
        assertEquals(422, get("limit=5").statusCode(), "q is required");
        assertTrue(get(q("NOT gas")).body().contains("too broad"));
        assertTrue(get(q("gas OR p*")).body().contains("column 8: the query is too broad"));
        // a query that long does not fit a URL; the preview's body carries it
        r = app.send("POST", "/subscriptions/preview", TestApp.ALICE_KEY, "{\"query\":\"" + "x".repeat(10_001) + "\"}");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("the query is too long: 10001 characters, at most 10000"), r.body());
    }

    @Test
    void refusesAQueryOverTheLengthLimitWithItsReasonEvenWhenItsEncodedUrlIsLong() throws Exception {
        //Given: queries one character over the limit, in Latin and in Chinese (9 URL bytes a character)
        for (String query : List.of("x".repeat(10_001), "中".repeat(10_001))) {
            //When
            HttpResponse<String> r = get(q(query) + "&lang=zh&from=2026-01-01");
            //Then: the API's own reason, not a refusal of the URL by the server
            assertEquals(422, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
            assertEquals("q", json(r).get("field").asText());
            assertTrue(json(r).get("error").asText().contains("the query is too long: 10001 characters, at most 10000"),
                    r.body());
        }
        //And: a query at the limit is searched
        assertEquals(200, get(q("gas " + "中".repeat(9_996))).statusCode());
    }

    @Test
    void refusesAQueryWithTheSameMessageInASearchASubscriptionAndAPreview() throws Exception {
        for (String query : List.of("gas AND (oil", "NOT gas", "gas OR p*", "gas and oil", "\"gas pipe")) {
            HttpResponse<String> searched = get(q(query));
            String body = "{\"query\":" + Json.mapper().writeValueAsString(query) + "}";
            HttpResponse<String> subscribed = app.send("POST", "/subscriptions", TestApp.ALICE_KEY, body);
            HttpResponse<String> previewed = app.send("POST", "/subscriptions/preview", TestApp.ALICE_KEY, body);
            assertEquals(422, searched.statusCode(), searched.body());
            assertEquals(422, subscribed.statusCode(), subscribed.body());
            assertEquals(422, previewed.statusCode(), previewed.body());
            String message = json(searched).get("errors").get(0).get("message").asText();
            assertTrue(message.matches("is not a usable query: column \\d+: .*"), message);
            assertEquals(message, json(subscribed).get("errors").get(0).get("message").asText(), query);
            assertEquals(message, json(previewed).get("errors").get(0).get("message").asText(), query);
        }
    }

    @Test
    void refusesAPrefixInNearThatExpandsToTooManyIndexedWords() throws Exception {
        StringBuilder words = new StringBuilder("gas");
        for (int i = 0; i < 1_100; i++) {
            words.append(" zqx").append(i);
        }
        search.index().index("many", article("many", "Many words", words.toString(), null, "en", "Wire", T0));
        HttpResponse<String> r = get(q("zqx* NEAR/3 gas"));
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("q", json(r).get("errors").get(0).get("field").asText());
        assertTrue(r.body().contains("too expensive"), r.body());
        assertEquals(200, get(q("zqx1 NEAR/3 gas")).statusCode(), "the index keeps answering");
    }

    @Test
    void refusesBadPagingAndTimes() throws Exception {
        assertBad(get(q("gas") + "&limit=0"), "limit");
        assertBad(get(q("gas") + "&limit=101"), "limit");
        assertBad(get(q("gas") + "&limit=ten"), "limit");
        assertBad(get(q("gas") + "&cursor=not-a-cursor"), "cursor");
        assertBad(get(q("gas") + "&sort=oldest"), "sort");
        assertBad(get(q("gas") + "&from=yesterday"), "from");
        assertBad(get(q("gas") + "&from=2026-05-02&to=2026-05-01"), "from");
        String cursor = new SearchCursor(SearchOrder.NEWEST, 0, 1, "x1").token();
        assertBad(get(q("gas") + "&sort=relevance&cursor=" + cursor), "cursor");
    }

    private static void assertBad(HttpResponse<String> r, String field) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(field, json(r).get("errors").get(0).get("field").asText(), r.body());
    }

    @Test
    void previewAnswersWithoutSavingAnything() throws Exception {
        HttpResponse<String> r = app.send("POST", "/subscriptions/preview?from=2026-04-30", TestApp.ALICE_KEY,
                "{\"query\":\"gas NEAR/3 pipeline\",\"webhookUrl\":\"https://hooks.example.org/x\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(1, body.get("alerts").asInt());
        assertEquals(2, body.get("articlesHeld").asInt());
        assertEquals(1, body.get("perDay").get("2026-05-01").asInt());
        assertEquals("x1", body.get("first").get(0).get("articleId").asText());
        assertTrue(app.store.all().isEmpty(), "the preview saved a subscription");
        assertEquals("[]", json(app.send("GET", "/subscriptions", TestApp.ALICE_KEY, null)).get("subscriptions")
                .toString());
    }

    @Test
    void previewRefusesWhatACreateRefusesAndABadQuery() throws Exception {
        assertEquals(401, app.send("POST", "/subscriptions/preview", null, "{}").statusCode());
        HttpResponse<String> r = app.send("POST", "/subscriptions/preview", TestApp.ALICE_KEY,
                "{\"query\":\"gas AND\"}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("query", json(r).get("errors").get(0).get("field").asText());
        r = app.send("POST", "/subscriptions/preview", TestApp.ALICE_KEY, "{\"themes\":[\"no-such-theme\"]}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("themes", json(r).get("errors").get(0).get("field").asText());
        r = app.send("POST", "/subscriptions/preview", TestApp.ALICE_KEY, "{\"query\":42}");
        assertEquals(400, r.statusCode(), r.body());
        r = app.send("POST", "/subscriptions/preview?to=soon", TestApp.ALICE_KEY, "{}");
        assertEquals(400, r.statusCode(), r.body());
    }
}
