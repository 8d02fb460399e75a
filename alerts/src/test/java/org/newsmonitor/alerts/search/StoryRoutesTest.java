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
import org.newsmonitor.themes.SubTopic;
import org.newsmonitor.themes.ThemeSpec;

/** GET /stories/{id}: every copy of a story, oldest first, with why each matched. */
class StoryRoutesTest {
    private final SearchService search = SearchFixtures.service(Clock.fixed(T0.plus(Duration.ofDays(3)),
            ZoneOffset.UTC));
    private TestApp app;

    @BeforeEach
    void start() {
        ThemeSpec spec = new ThemeSpec("gas-deals", "Gas deals", "", Polarity.COOPERATION, List.of(), 2, null,
                "2 [pipeline]: gas AND pipeline\n1: газопровод\n1: gazprom", "test", 1, 0, 0, 0,
                List.of(new SubTopic("pipeline", "Pipeline gas deals and their routes", 4, 5)));
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
        assertThat(match.get("subTopicDescriptions").get(0).get("id").asText()).isEqualTo("pipeline");
        assertThat(match.get("subTopicDescriptions").get(0).get("description").asText())
                .isEqualTo("Pipeline gas deals and their routes");
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
    void shouldPageTheCopiesOfALongStoryByOffsetOldestFirstUntilTheLast() throws Exception {
        //Given: a story of 250 copies, one a minute
        for (int i = 0; i < 250; i++) {
            add(article(String.format("c-%03d", i), "Gas pipeline copy " + i, "Talks.", null, "en", "Wire",
                    T0.plusSeconds(60L * i)), "story-long");
        }
        //When: followed page by page
        List<String> ids = new ArrayList<>();
        String path = "/stories/story-long?limit=100";
        JsonNode page = get(path, 200);
        List<Integer> offsets = new ArrayList<>();
        while (true) {
            assertThat(page.get("total").asInt()).isEqualTo(250);
            offsets.add(page.get("offset").asInt());
            page.get("articles").forEach(a -> ids.add(a.get("articleId").asText()));
            if (!page.has("nextOffset")) {
                break;
            }
            page = get(path + "&offset=" + page.get("nextOffset").asInt(), 200);
        }
        //Then: every copy once, in order, on three pages
        assertThat(offsets).containsExactly(0, 100, 200);
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("c-000");
        assertThat(ids.get(249)).isEqualTo("c-249");
        assertThat(ids).isSorted();
        //And: past the last copy, an empty page
        JsonNode past = get(path + "&offset=300", 200);
        assertThat(past.get("articles")).isEmpty();
        assertThat(past.has("nextOffset")).isFalse();
    }

    @Test
    void shouldOpenALongStoryAtTheClickedCopyBeyondTheFirstPageWithItsPage() throws Exception {
        //Given: a story of 250 copies, one a minute, and a search that finds copy 150
        for (int i = 0; i < 250; i++) {
            add(article(String.format("c-%03d", i), "Gas pipeline copy " + i, i == 150 ? "Price agreed." : "Talks.",
                    null, "en", "Wire", T0.plusSeconds(60L * i)), "story-long");
        }
        //When: opened at copy 150
        JsonNode page = get("/stories/story-long?limit=100&article=c-150&q=price", 200);
        //Then: the page that holds it, with its marks and why it matched
        assertThat(page.get("offset").asInt()).isEqualTo(100);
        assertThat(page.get("previousOffset").asInt()).isEqualTo(0);
        assertThat(page.get("nextOffset").asInt()).isEqualTo(200);
        assertThat(page.get("articles")).hasSize(100);
        assertThat(page.get("articles").get(0).get("articleId").asText()).isEqualTo("c-100");
        JsonNode clicked = page.get("articles").get(50);
        assertThat(clicked.get("articleId").asText()).isEqualTo("c-150");
        assertThat(clicked.get("queryTerms").get(0).get("field").asText()).isEqualTo("summary");
        assertThat(clicked.get("matches").get(0).get("themeId").asText()).isEqualTo("gas-deals");
        //And: the copies before it stay reachable, and the first page has no earlier one
        JsonNode first = get("/stories/story-long?limit=100&offset=" + page.get("previousOffset").asInt(), 200);
        assertThat(first.get("articles").get(0).get("articleId").asText()).isEqualTo("c-000");
        assertThat(first.has("previousOffset")).isFalse();
        //And: the copy at a page's edge opens that page
        assertThat(get("/stories/story-long?limit=100&article=c-099", 200).get("offset").asInt()).isZero();
        assertThat(get("/stories/story-long?limit=100&article=c-200", 200).get("offset").asInt()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnArticleThatIsNotACopyOfTheStoryNamingTheArticleAndTheStory() throws Exception {
        //Given
        add(article("en-1", "Gas pipeline deal signed", "Talks ended.", null, "en", "Wire", T0), "story-g");
        add(article("other", "Gas pipeline elsewhere", "Unrelated.", null, "en", "Wire", T0), "story-o");
        for (String bad : List.of("none", "other")) {
            //When
            JsonNode error = get("/stories/story-g?article=" + bad, 404);
            //Then
            assertThat(error.get("field").asText()).isEqualTo("article");
            assertThat(error.get("error").asText()).contains("'" + bad + "'").contains("story-g");
        }
        assertThat(get("/stories/story-g?article=en-1&offset=0", 400).get("field").asText()).isEqualTo("article");
        assertThat(get("/stories/story-g?article=en-1", 200).get("articles").get(0).get("articleId").asText())
                .isEqualTo("en-1");
    }

    @Test
    void shouldRefuseAnOffsetThatIsNotAWholeNumberWithinTheBound() throws Exception {
        add(article("en-1", "Gas pipeline deal signed", "Talks ended.", null, "en", "Wire", T0), "story-g");
        for (String bad : List.of("-1", "x", "10001", "1.5")) {
            JsonNode error = get("/stories/story-g?offset=" + bad, 400);
            assertThat(error.get("field").asText()).isEqualTo("offset");
            assertThat(error.get("error").asText()).contains("0 to " + StoryView.MAX_OFFSET);
        }
        assertThat(get("/stories/story-g?offset=" + StoryView.MAX_OFFSET, 200).get("articles")).isEmpty();
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
