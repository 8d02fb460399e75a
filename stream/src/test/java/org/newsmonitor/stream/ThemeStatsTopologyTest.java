package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.stream.TopologyFixture.article;
import static org.newsmonitor.stream.TopologyFixture.frictionTheme;
import static org.newsmonitor.stream.TopologyFixture.pipelineArticle;
import static org.newsmonitor.stream.TopologyFixture.pipelineTheme;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.stats.DailyBalance;

/** Hourly and daily counts, their publication, surges and the daily balance. */
class ThemeStatsTopologyTest {
    private static final String THEME = "power-of-siberia";
    private static final Instant DAY = Instant.parse("2025-05-14T00:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new TopologyFixture(stateDir);
        fx.publishThemes(pipelineTheme(), frictionTheme());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static Instant at(String hhmm) {
        return DAY.plus(Duration.between(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.parse(hhmm)));
    }

    private static ArticleEvent frictionArticle(String id, Instant at) {
        return article(id, "Russia wary as China's Belt and Road reaches Kazakhstan " + id,
                "Moscow sees the Eurasian Economic Union sidelined by Beijing's projects (" + id + ").", at);
    }

    @Test
    void shouldKeepTheReportedSurgesInMemorySoThatARestartWithoutSurgesKeepsTheTasksState() {
        //Given the topology as the stream service runs it
        //When
        boolean persistent = fx.driver.getAllStateStores().get(StoreNames.THEME_SURGES).persistent();
        //Then the store of reported surges (a few per theme and day) is restored from its changelog on start: a
        //RocksDB store that was never written has no checkpointed offset, and under exactly-once Kafka Streams
        //then treats its whole task as corrupted on restart (an ERROR in the log, and the hourly counts restored
        //from scratch)
        assertThat(persistent).isFalse();
        assertThat(fx.driver.getAllStateStores().get(StoreNames.THEME_HOURLY_COUNTS).persistent()).isTrue();
    }

    @Test
    void shouldCountMatchesPerHourAndDayAndPublishThemWhenMatchesArrive() {
        //Given / When
        fx.pipe(pipelineArticle("a1", at("07:10")));
        fx.pipe(pipelineArticle("a2", at("07:50")));
        fx.pipe(pipelineArticle("a3", at("08:05")));
        //Then the stores answer queries
        assertThat(fx.counts(THEME, Granularity.HOUR, at("00:00"), at("23:00")))
                .extracting(ThemeStatsEvent::windowStart, ThemeStatsEvent::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at("07:00"), 2L),
                        org.assertj.core.groups.Tuple.tuple(at("08:00"), 1L));
        assertThat(fx.counts(THEME, Granularity.DAY, DAY, DAY)).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(3);
            assertThat(c.windowEnd()).isEqualTo(DAY.plus(Duration.ofDays(1)));
            assertThat(c.polarity()).isEqualTo(Polarity.COOPERATION);
        });
        //And the latest value per key on the stats topic agrees
        Map<String, ThemeStatsEvent> published = fx.stats.readKeyValuesToMap();
        assertThat(published).containsOnlyKeys("power-of-siberia@hour@2025-05-14T07:00:00Z",
                "power-of-siberia@hour@2025-05-14T08:00:00Z", "power-of-siberia@day@2025-05-14T00:00:00Z");
        assertThat(published.get("power-of-siberia@hour@2025-05-14T07:00:00Z").count()).isEqualTo(2);
        assertThat(published.get("power-of-siberia@day@2025-05-14T00:00:00Z").count()).isEqualTo(3);
    }

    @Test
    void shouldCountLateMatchWhenItArrivesWithinGrace() {
        //Given stream time at 12:00
        fx.pipe(pipelineArticle("a1", at("07:10")));
        fx.pipe(pipelineArticle("a2", at("12:00")));
        //When an article published at 07:20 arrives late (hour closes at 08:00 + 6 h grace)
        fx.pipe(pipelineArticle("late", at("07:20")));
        //Then
        assertThat(fx.counts(THEME, Granularity.HOUR, at("07:00"), at("07:00")))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(2L);
    }

    @Test
    void shouldDropLateMatchFromHourButCountItInDayWhenItArrivesAfterHourlyGrace() {
        //Given stream time at 14:30, after the 07:00 hour closed at 14:00
        fx.pipe(pipelineArticle("a1", at("07:10")));
        fx.pipe(pipelineArticle("a2", at("14:30")));
        //When
        fx.pipe(pipelineArticle("late", at("07:30")));
        //Then the match itself is still emitted
        assertThat(fx.matches.readValuesToList()).hasSize(3);
        assertThat(fx.counts(THEME, Granularity.HOUR, at("07:00"), at("07:00")))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(1L);
        assertThat(fx.counts(THEME, Granularity.DAY, DAY, DAY))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(3L);
    }

    @Test
    void shouldEmitOneSurgeWhenHourlyVolumeReachesThreeTimesTheBaseline() {
        //Given one match an hour for 24 hours: baseline 1 per hour
        Instant start = DAY.minus(Duration.ofDays(1));
        for (int h = 0; h < 24; h++) {
            fx.pipe(pipelineArticle("base-" + h, start.plus(Duration.ofHours(h)).plusSeconds(60)));
        }
        //When the next hour has 3, then 4 matches
        for (int i = 1; i <= 4; i++) {
            fx.pipe(pipelineArticle("burst-" + i, DAY.plus(Duration.ofMinutes(10L * i))));
        }
        //Then one surge, when the third arrived
        assertThat(fx.surges.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(THEME);
            SurgeEvent surge = kv.value;
            assertThat(surge.windowStart()).isEqualTo(DAY);
            assertThat(surge.windowEnd()).isEqualTo(DAY.plus(Duration.ofHours(1)));
            assertThat(surge.count()).isEqualTo(3);
            assertThat(surge.baseline()).isEqualTo(1.0);
            assertThat(surge.ratio()).isEqualTo(3.0);
            assertThat(surge.detectedAt()).isEqualTo(TopologyFixture.WALL_CLOCK);
        });
        WindowStore<String, Long> reported = fx.driver.getWindowStore(StoreNames.THEME_SURGES);
        assertThat(reported.fetch(THEME, DAY.toEpochMilli())).isEqualTo(3L);
    }

    @Test
    void shouldNotEmitSurgeWhenVolumeStaysWithinBaseline() {
        //Given two matches an hour for three hours
        for (int h = 0; h < 3; h++) {
            fx.pipe(pipelineArticle("x" + h + "a", DAY.plus(Duration.ofHours(h)).plusSeconds(60)));
            fx.pipe(pipelineArticle("x" + h + "b", DAY.plus(Duration.ofHours(h)).plusSeconds(120)));
        }
        //When the fourth hour also has two
        fx.pipe(pipelineArticle("x3a", DAY.plus(Duration.ofHours(3)).plusSeconds(60)));
        fx.pipe(pipelineArticle("x3b", DAY.plus(Duration.ofHours(3)).plusSeconds(120)));
        //Then
        assertThat(fx.surges.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepDailyBalanceOfCooperationAndFrictionWhenMatchesOfBothPolaritiesArrive() {
        //Given / When
        fx.pipe(pipelineArticle("c1", at("07:00")));
        fx.pipe(pipelineArticle("c2", at("09:00")));
        fx.pipe(frictionArticle("f1", at("10:00")));
        fx.pipe(frictionArticle("f2", DAY.plus(Duration.ofHours(30))));
        //Then
        assertThat(fx.balance(DAY, DAY.plus(Duration.ofDays(1)))).containsExactly(
                new DailyBalance(DAY, 2, 1, 0),
                new DailyBalance(DAY.plus(Duration.ofDays(1)), 0, 1, 0));
        assertThat(fx.balance(DAY, DAY).get(0).net()).isEqualTo(1);
    }
}
