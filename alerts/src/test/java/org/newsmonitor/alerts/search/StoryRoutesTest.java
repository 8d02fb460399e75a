package org.newsmonitor.alerts.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.search.SearchFixtures.T0;
import static org.newsmonitor.alerts.search.SearchFixtures.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Replay;
import org.newsmonitor.alerts.testing.TestApp;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeSpec;

/** GET /stories/{id}: every copy of a story, oldest first, with why each matched. */
class StoryRoutesTest {
    private final SearchService search = SearchFixtures.service(Clock.fixed(T0.plus(Duration.ofDays(3)),
            ZoneOffset.UTC));
    private TestApp app;

    @BeforeEach
    void start() {
        ThemeSpec spec = ThemeSpec.of("gas-deals", "Gas deals", "", Polarity.COOPERATION, List.of(), 2, null,
                "2 [pipeline]: gas AND pipeline\n1: газопровод\n1: gazprom", "test");
        search.catalog().apply("gas-deals", ThemeDefinitions.toDefinition(spec, Lexicon.empty(), 1, T0));
        app = new TestApp(search);
    }

    @AfterEach
    void stop() {
        app.close();
        search.close();
    }

    private ArticleEvent add(ArticleEvent a, String story) {
        Replay.article(search, a, story);
        return a;
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = app.send("GET", path, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void shouldListEveryCopyOfTheStoryOldestFirstWithTheMatchedThemeTermsSubTopicAndScore() throws Exception {
        //Given: one story in two languages and sources, and an unrelated article
        add(article("ru-1", "Газопровод: Gazprom и CNPC", "Переговоры продолжаются.", null, "ru", "TASS",
                T0.plus(Duration.ofHours(2))), "story-g");
        add(article("en-1", "Gas pipeline deal signed by Gazprom", "Talks ended.", null, "en", "Energy Wire", T0),
                "story-g");
        add(article("other", "Gas pipeline elsewhere", "Unrelated.", null, "en", "Wire", T0), "story-o");
        //When
        JsonNode story = get("/stories/story-g", 200);
        //Then
        assertThat(story.get("storyId").asText()).isEqualTo("story-g");
        assertThat(story.get("total").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        story.get("articles").forEach(a -> ids.add(a.get("articleId").asText()));
        assertThat(ids).containsExactly("en-1", "ru-1");
        JsonNode first = story.get("articles").get(0);
        assertThat(first.get("source").asText()).isEqualTo("Energy Wire");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("summary").asText()).isEqualTo("Talks ended.");
        JsonNode match = first.get("matches").get(0);
        assertThat(match.get("themeId").asText()).isEqualTo("gas-deals");
        assertThat(match.get("themeTitle").asText()).isEqualTo("Gas deals");
        assertThat(match.get("score").asDouble()).isEqualTo(3.0);
        assertThat(match.get("subTopics").get(0).asText()).isEqualTo("pipeline");
        String title = first.get("title").asText();
        List<String> marked = new ArrayList<>();
        match.get("terms").forEach(t -> {
            assertThat(t.get("field").asText()).isEqualTo("title");
            marked.add(title.substring(t.get("start").asInt(), t.get("end").asInt()));
        });
        assertThat(marked).containsExactlyInAnyOrder("Gas", "pipeline", "Gazprom");
        JsonNode russian = story.get("articles").get(1).get("matches").get(0);
        assertThat(russian.get("score").asDouble()).isEqualTo(2.0);
        assertThat(russian.get("subTopics")).isEmpty();
    }

    @Test
    void shouldLocateTheSearchQueryInEachCopyAndLimitTheCopies() throws Exception {
        //Given
        add(article("en-1", "Gas pipeline deal signed", "Talks ended.", null, "en", "Wire", T0), "story-g");
        add(article("en-2", "Gas pipeline deal: the terms", "Price agreed.", null, "en", "Desk", T0.plusSeconds(60)),
                "story-g");
        //When
        JsonNode story = get("/stories/story-g?limit=1&q=" + URLEncoder.encode("price OR deal",
                StandardCharsets.UTF_8), 200);
        //Then
        assertThat(story.get("total").asInt()).isEqualTo(2);
        assertThat(story.get("articles")).hasSize(1);
        JsonNode terms = story.get("articles").get(0).get("queryTerms");
        assertThat(terms).hasSize(1);
        assertThat(terms.get(0).get("field").asText()).isEqualTo("title");
        assertThat(terms.get(0).get("start").asInt()).isEqualTo(13);
        assertThat(terms.get(0).get("end").asInt()).isEqualTo(17);
    }

    @Test
    void shouldAnswerAnArticleNoThemeMatchedAsAStoryOfItsOwn() throws Exception {
        //Given
        search.index().index("lone", article("lone", "Weather in Harbin", "Cold.", null, "en", "Wire", T0));
        //When
        JsonNode story = get("/stories/lone", 200);
        //Then
        assertThat(story.get("articles")).hasSize(1);
        assertThat(story.get("articles").get(0).get("matches")).isEmpty();
        assertThat(story.get("articles").get(0).get("queryTerms")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownStoryABadLimitAndABadQueryNamingTheParameter() throws Exception {
        add(article("en-1", "Gas pipeline deal signed", "Talks ended.", null, "en", "Wire", T0), "story-g");
        JsonNode missing = get("/stories/story-none", 404);
        assertThat(missing.get("field").asText()).isEqualTo("id");
        assertThat(missing.get("error").asText()).contains("story-none");
        assertThat(get("/stories/story-g?limit=101", 400).get("field").asText()).isEqualTo("limit");
        assertThat(get("/stories/story-g?q=NOT%20gas", 422).get("field").asText()).isEqualTo("q");
        assertThat(get("/stories/" + "s".repeat(201), 400).get("field").asText()).isEqualTo("id");
        assertThat(get("/stories/en-1", 404).get("field").asText()).as("an article of another story is not one")
                .isEqualTo("id");
    }

    @Test
    void shouldMoveAnArticleToTheStoryItsLaterMatchNames() {
        //Given
        ArticleEvent a = add(article("en-1", "Gas pipeline deal signed", "Talks.", null, "en", "Wire", T0),
                "story-a");
        //When: a later match puts the article in another story
        search.index().annotate(a.id(), SearchFixtures.match(a, "gas-deals", "story-b"));
        //Then
        assertThat(search.index().articlesOfStory("story-a")).isEmpty();
        assertThat(search.index().articlesOfStory("story-b")).containsExactly("en-1");
    }
}
