package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.newsmonitor.stream.TopologyFixture.article;
import static org.newsmonitor.stream.TopologyFixture.pipelineTheme;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.stream.story.StoryMember;

/** Near-duplicate copies of one story share the first copy's story id. */
class StoryClusteringTopologyTest {
    /** Days before the mock wall clock, so that later copies are not clamped as future-dated. */
    private static final Instant T0 = Instant.parse("2025-05-10T07:30:00Z");
    private static final String TITLE = "Gazprom and CNPC agree price terms for Power of Siberia 2";
    private static final String SUMMARY = "Russia's Gazprom and China National Petroleum Corporation have agreed the "
            + "price formula for gas to be shipped through Mongolia on the Power of Siberia 2 pipeline, officials in "
            + "Moscow and Beijing said on Tuesday, ending years of talks over the route.";

    @TempDir
    Path stateDir;
    private TopologyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new TopologyFixture(stateDir);
        fx.publishThemes(pipelineTheme());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<String> storyIds() {
        return fx.matches.readValuesToList().stream().map(ThemeMatchEvent::storyId).toList();
    }

    @Test
    void shouldGiveWireCopiesTheFirstArticlesStoryIdWhenTheyArriveWithinTheWindow() {
        //Given
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0));
        //When two outlets run the wire copy, one with a dateline and different punctuation
        fx.pipe(article("copy-1", TITLE, SUMMARY, T0.plus(Duration.ofMinutes(20))));
        fx.pipe(article("copy-2", TITLE.toUpperCase() + " —", "MOSCOW, May 14 - " + SUMMARY.replace(",", ""),
                T0.plus(Duration.ofHours(5))));
        //Then
        assertThat(storyIds()).containsExactly("wire-1", "wire-1", "wire-1");
        KeyValueStore<String, StoryMember> members = fx.driver.getKeyValueStore(StoreNames.STORY_MEMBERS);
        assertThat(members.get("copy-2").storyId()).isEqualTo("wire-1");
    }

    @Test
    void shouldJoinStoryWhenRepublicationHasANewTitleAndALightlyEditedSummary() {
        //Given
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0));
        //When
        String edited = SUMMARY.replace("officials in Moscow and Beijing said on Tuesday", "officials said")
                + " Analysts expect first deliveries around 2030.";
        fx.pipe(article("retitled-1", "Power of Siberia 2: a deal at last", edited, T0.plus(Duration.ofHours(9))));
        //Then
        assertThat(storyIds()).containsExactly("wire-1", "wire-1");
    }

    @Test
    void shouldGiveTwoOutletsReWordedVersionsOfOneReportOneStoryId() {
        //Given Reuters' version of the contract story
        fx.pipe(article("reuters-1", "Gazprom and CNPC sign long-awaited Power of Siberia 2 supply contract",
                "MOSCOW, March 2 (Reuters) - Russia's Gazprom and China National Petroleum Corp signed a 30-year "
                        + "contract on Monday to supply 50 billion cubic metres of gas a year through the Power of "
                        + "Siberia 2 pipeline, Gazprom chief executive Alexei Miller said.", T0));
        //When TASS runs its own wording a quarter of an hour later (both match the theme's Russian and Chinese actors)
        fx.pipe(article("tass-1", "Gazprom, CNPC sign Power of Siberia 2 gas supply contract after years of talks",
                "MOSCOW, March 2. /TASS/. Russia's Gazprom and China's CNPC have signed a long-term contract for "
                        + "deliveries of 50 bcm of gas per year via Power of Siberia 2, Gazprom CEO Alexei Miller told "
                        + "reporters, adding that the agreement runs for 30 years.", T0.plus(Duration.ofMinutes(15))));
        //Then both are one story, so subscribers are alerted once
        assertThat(storyIds()).containsExactly("reuters-1", "reuters-1");
    }

    @Test
    void shouldStartNewStoryWhenArticleOnSameThemeIsADifferentReport() {
        //Given
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0));
        //When
        fx.pipe(article("other-1", "Power of Siberia 1 flows hit a record in winter",
                "Gazprom reported record daily exports to China through the eastern pipeline as Chinese demand for "
                        + "heating rose, the Russian company said in a statement from Moscow.",
                T0.plus(Duration.ofHours(1))));
        //Then
        assertThat(storyIds()).containsExactly("wire-1", "other-1");
    }

    @Test
    void shouldStartNewStoryWhenCopyArrivesAfterTheStoryWindow() {
        //Given
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0));
        //When the same text is republished three days later
        fx.pipe(article("late-copy", TITLE, SUMMARY, T0.plus(Duration.ofDays(3))));
        //Then
        assertThat(storyIds()).containsExactly("wire-1", "late-copy");
    }

    @Test
    void shouldJoinTheStoryWhenACopyArrivesAfterMuchNewerArticles() {
        //Given one feed's copy, then a feed with newer news: the first poll of several feeds, or a replay, brings
        //articles in no particular order of publication
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0.minus(Duration.ofDays(30))));
        fx.pipe(article("other-1", "Power of Siberia 1 flows hit a record in winter",
                "Gazprom reported record daily exports to China through the eastern pipeline as Chinese demand for "
                        + "heating rose, the Russian company said in a statement from Moscow.", T0));
        //When another feed's copy of the month-old story arrives
        fx.pipe(article("copy-1", TITLE, SUMMARY, T0.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(5))));
        //Then it joins the first copy's story
        assertThat(storyIds()).containsExactly("wire-1", "other-1", "wire-1");
    }

    @Test
    void shouldStartTheStoryAtTheFirstMatchingCopyWhenEarlierCopiesMatchedNoTheme() {
        //Given the theme is absent when the first copy arrives, so that copy matches nothing
        fx.themes.pipeInput("power-of-siberia", null, TopologyFixture.WALL_CLOCK);
        fx.pipe(article("wire-1", TITLE, SUMMARY, T0));
        //When the theme returns and two copies arrive
        fx.publishThemes(pipelineTheme());
        fx.pipe(article("copy-1", TITLE, SUMMARY, T0.plus(Duration.ofMinutes(5))));
        fx.pipe(article("copy-2", TITLE, SUMMARY, T0.plus(Duration.ofMinutes(9))));
        //Then the story is named after the first copy that matched, and the unmatched copy left no trace in stores
        assertThat(fx.matches.readValuesToList()).extracting(ThemeMatchEvent::articleId, ThemeMatchEvent::storyId)
                .containsExactly(tuple("copy-1", "copy-1"), tuple("copy-2", "copy-1"));
        KeyValueStore<String, StoryMember> members = fx.driver.getKeyValueStore(StoreNames.STORY_MEMBERS);
        KeyValueStore<String, Long> seen = fx.driver.getKeyValueStore(StoreNames.ARTICLE_IDS);
        assertThat(members.get("wire-1")).isNull();
        assertThat(seen.get("wire-1")).isNull();
        assertThat(seen.get("copy-2")).isNotNull();
    }
}
