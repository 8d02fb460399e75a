package org.newsmonitor.stream.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.stream.match.MatchedArticle;

/** The processor's use of its store: the index is rebuilt from it on start, and old members leave it. */
class StoryClusterProcessorTest {
    private static final String STORE = "story-members-store";
    private static final Duration WINDOW = Duration.ofHours(48);
    private static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
    private static final String WIRE = "Gazprom and CNPC agree price terms for Power of Siberia 2. Russia's Gazprom and "
            + "China National Petroleum Corporation agreed the price formula for gas shipped through Mongolia.";
    private static final String OTHER3 = "Chinese carmakers expand assembly in Kaliningrad. Two brands opened lines at "
            + "the Avtotor plant as imports of finished cars face a higher recycling fee, the regional government said.";
    private static final String OTHER = "Russian and Chinese navies hold joint drills in the Sea of Japan. Warships "
            + "from both fleets practised anti-submarine warfare near Vladivostok, the defence ministry said.";

    private MockProcessorContext<String, ThemeMatchEvent> context;
    private KeyValueStore<String, StoryMember> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                new StoryMemberSerde()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private static MatchedArticle article(String id, String text, long time) {
        return new MatchedArticle(id, Instant.ofEpochMilli(time), StoryFingerprint.of(text, ""),
                List.of());
    }

    private static MatchedArticle article(String id, String title, String lede, long time) {
        return new MatchedArticle(id, Instant.ofEpochMilli(time), StoryFingerprint.of(title, lede), List.of());
    }

    private StoryClusterProcessor started() {
        return started(0);
    }

    private StoryClusterProcessor started(int keptArrivals) {
        StoryClusterProcessor processor = new StoryClusterProcessor(STORE, WINDOW, 0.5, keptArrivals);
        processor.init(context);
        return processor;
    }

    @Test
    void shouldFindStoriesOfMembersStoredBeforeTheTaskStarted() {
        //Given a store restored from the changelog after a restart
        store.put("wire-1", new StoryMember("wire-1", "wire-1", T0, article("wire-1", WIRE, T0).signature()));
        StoryClusterProcessor processor = started();
        //When a copy arrives
        processor.process(new Record<>("copy-1", article("copy-1", WIRE, T0 + 60_000), T0 + 60_000));
        //Then it joins the stored story, and is stored itself
        assertThat(store.get("copy-1").storyId()).isEqualTo("wire-1");
        assertThat(store.get("copy-1").eventTimeMs()).isEqualTo(T0 + 60_000);
    }

    @Test
    void shouldDeleteMembersOlderThanTwiceTheWindowBehindTheLatestArticle() {
        //Given
        StoryClusterProcessor processor = started();
        processor.process(new Record<>("wire-1", article("wire-1", WIRE, T0), T0));
        long later = T0 + WINDOW.multipliedBy(2).toMillis() + 1;
        //When an article arrives more than two windows later
        processor.process(new Record<>("drill-1", article("drill-1", OTHER, later), later));
        //Then the old member is gone from the store, the new one kept
        assertThat(store.get("wire-1")).isNull();
        assertThat(store.get("drill-1")).isNotNull();
        assertThat(store.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void shouldDropExpiredMembersWhenRebuildingTheIndex() {
        //Given a store holding an old member and a recent one
        long recent = T0 + WINDOW.multipliedBy(3).toMillis();
        store.put("wire-1", new StoryMember("wire-1", "wire-1", T0, article("wire-1", WIRE, T0).signature()));
        store.put("drill-1", new StoryMember("drill-1", "drill-1", recent,
                article("drill-1", OTHER, recent).signature()));
        //When the task starts
        started();
        //Then
        assertThat(store.get("wire-1")).isNull();
        assertThat(store.get("drill-1")).isNotNull();
    }

    @Test
    void shouldKeepALateArrivalInTheStoreWhileItIsAmongTheLastArrivals() {
        //Given newer news, and then a month-old article and its copy from another feed
        StoryClusterProcessor processor = started(3);
        long later = T0 + Duration.ofDays(30).toMillis();
        processor.process(new Record<>("drill-1", article("drill-1", OTHER, later), later));
        processor.process(new Record<>("wire-1", article("wire-1", WIRE, T0), T0));
        processor.process(new Record<>("copy-1", article("copy-1", WIRE, T0 + 60_000), T0 + 60_000));
        //Then the copy joins the story, and both stay stored
        assertThat(store.get("copy-1").storyId()).isEqualTo("wire-1");
        assertThat(store.get("wire-1")).isNotNull();
        //When three newer articles arrive
        for (int i = 2; i <= 4; i++) {
            processor.process(new Record<>("drill-" + i, article("drill-" + i, OTHER + " Edition " + i, later), later));
        }
        //Then the late ones are gone from the store
        assertThat(store.get("wire-1")).isNull();
        assertThat(store.get("copy-1")).isNull();
        assertThat(store.approximateNumEntries()).isEqualTo(4);
    }

    @Test
    void shouldKeepStoredLateArrivalsWhenRebuildingTheIndex() {
        //Given a store holding newer news and a month-old article kept as a late arrival (its key sorts first)
        long later = T0 + Duration.ofDays(30).toMillis();
        store.put("a-wire", new StoryMember("a-wire", "a-wire", T0, article("a-wire", WIRE, T0).signature()));
        store.put("z-drill", new StoryMember("z-drill", "z-drill", later,
                article("z-drill", OTHER, later).signature()));
        //When the task starts, keeping the last arrival only, and a copy of the old article arrives
        StoryClusterProcessor processor = started(1);
        assertThat(store.get("a-wire")).isNotNull();
        processor.process(new Record<>("copy-1", article("copy-1", WIRE, T0 + 60_000), T0 + 60_000));
        //Then the copy joins its story
        assertThat(store.get("copy-1").storyId()).isEqualTo("a-wire");
    }

    @Test
    void shouldKeepTheOrderOfArrivalOfLateArticlesAcrossARestart() {
        //Given newer news, then two old articles, keeping the last two arrivals
        StoryClusterProcessor processor = started(2);
        long later = T0 + Duration.ofDays(30).toMillis();
        long day = Duration.ofDays(1).toMillis();
        arrive(processor, "news-1", OTHER, later, 0);
        arrive(processor, "old-1", WIRE, T0, 1);
        arrive(processor, "old-2", OTHER3, T0 + day, 2);
        //When the task restarts, one more article arrives and pushes out the earlier of the two old ones
        processor = started(2);
        arrive(processor, "news-2", OTHER + " Second edition.", later, 3);
        //Then a copy of the later old article still joins it
        arrive(processor, "copy-2", OTHER3, T0 + day + 60_000, 4);
        assertThat(store.get("copy-2").storyId()).isEqualTo("old-2");
        assertThat(store.get("old-1")).isNull();
        assertThat(store.get("copy-2").arrival()).isEqualTo(4);
    }

    @Test
    void shouldNotChainOneHundredTwentyFiveRoundsOfTalksOverFiveDaysIntoOneStory() {
        //Given a report of each round of talks, one every 58 minutes for five days, worded alike
        StoryClusterProcessor processor = new StoryClusterProcessor(STORE, WINDOW, 0.4, 0);
        processor.init(context);
        java.util.Set<String> stories = new java.util.HashSet<>();
        //When
        for (int round = 1; round <= 125; round++) {
            long time = T0 + round * 58 * 60_000L;
            String title = "Gazprom and CNPC hold round " + round + " of Power of Siberia 2 price talks";
            String lede = "BEIJING (Reuters) - Negotiators from Russia and China met in Beijing for round " + round
                    + " of talks on the price of gas for the pipeline, without agreement, two sources said.";
            processor.process(new Record<>("round-" + round, article("round-" + round, title, lede, time), time));
            stories.add(store.get("round-" + round).storyId());
        }
        //Then every round is a story of its own
        assertThat(stories).hasSize(125);
    }

    @Test
    void shouldStartANewStoryWhenACopyWouldStretchItsStoryBeyondTheMaximumSpan() {
        //Given the same report republished every hour for five days, each copy within the window of the last
        StoryClusterProcessor processor = new StoryClusterProcessor(STORE, WINDOW, 0.4, 0);
        processor.init(context);
        java.util.Map<String, long[]> spans = new java.util.LinkedHashMap<>();
        //When
        for (int hour = 0; hour < 120; hour++) {
            long time = T0 + hour * 3_600_000L;
            processor.process(new Record<>("copy-" + hour, article("copy-" + hour, WIRE, time), time));
            String story = store.get("copy-" + hour).storyId();
            spans.merge(story, new long[] {time, time},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        //Then no story spans more than 72 hours: the first takes hours 0 to 72, the second the rest
        assertThat(spans.keySet()).containsExactly("copy-0", "copy-73");
        assertThat(spans.values())
                .allSatisfy(span -> assertThat(span[1] - span[0]).isLessThanOrEqualTo(72 * 3_600_000L));
    }

    @Test
    void shouldKnowWhenAStoryBeganAfterARestartWhenItsFirstMemberIsGone() {
        //Given a store holding only a later member of a story that began 40 hours before it
        long later = T0 + Duration.ofHours(40).toMillis();
        store.put("copy-1", new StoryMember("copy-1", "wire-1", later, article("copy-1", WIRE, later).signature(),
                StoryMember.UNKNOWN_ARRIVAL, T0));
        StoryClusterProcessor processor = new StoryClusterProcessor(STORE, WINDOW, 0.4, 0);
        processor.init(context);
        //When a copy arrives 34 hours after that member (74 after the story began)
        long late = T0 + Duration.ofHours(74).toMillis();
        processor.process(new Record<>("copy-2", article("copy-2", WIRE, late), late));
        //Then it begins a story of its own; one arriving within the span joins
        assertThat(store.get("copy-2").storyId()).isEqualTo("copy-2");
        long inSpan = T0 + Duration.ofHours(71).toMillis();
        processor.process(new Record<>("copy-3", article("copy-3", WIRE, inSpan), inSpan));
        assertThat(store.get("copy-3").storyId()).isEqualTo("wire-1");
        assertThat(store.get("copy-3").storyStartMs()).isEqualTo(T0);
    }

    private void arrive(StoryClusterProcessor processor, String id, String text, long time, long offset) {
        context.setRecordMetadata("news-monitor-stream-story-clustering-repartition", 0, offset);
        processor.process(new Record<>(id, article(id, text, time), time));
    }
}
