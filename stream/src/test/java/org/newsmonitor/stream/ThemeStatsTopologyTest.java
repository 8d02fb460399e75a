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
    void shouldCountLateMatchInItsHourAndDayHoweverLateItArrives() {
        //Given stream time at 14:30, long after the 07:00 hour ended
        fx.pipe(pipelineArticle("a1", at("07:10")));
        fx.pipe(pipelineArticle("a2", at("14:30")));
        //When
        fx.pipe(pipelineArticle("late", at("07:30")));
        //Then
        assertThat(fx.matches.readValuesToList()).hasSize(3);
        assertThat(fx.counts(THEME, Granularity.HOUR, at("07:00"), at("07:00")))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(2L);
        assertThat(fx.counts(THEME, Granularity.DAY, DAY, DAY))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(3L);
    }

    @Test
    void shouldCountFrictionMatchesOfAnOlderFeedReplayedAfterANewerOneIssue21() {
        //Given the sample archive's order: a feed with news up to October 2026 replayed first
        Instant october = Instant.parse("2026-10-02T06:00:00Z");
        fx.pipe(pipelineArticle("new-1", october));
        fx.pipe(pipelineArticle("new-2", october.plus(Duration.ofHours(2))));
        //When the Steppe Review's EEU-BRI articles of May 2025 follow
        Instant may = Instant.parse("2025-05-08T04:00:00Z");
        fx.pipe(frictionArticle("old-1", may));
        fx.pipe(frictionArticle("old-2", may.plus(Duration.ofHours(1))));
        //Then they count in their day, their hour and the balance, although far older than the stream time
        Instant mayDay = Instant.parse("2025-05-08T00:00:00Z");
        assertThat(fx.counts("eeu-bri-friction", Granularity.DAY, mayDay, mayDay))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(2L);
        assertThat(fx.counts("eeu-bri-friction", Granularity.HOUR, may, may))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(1L);
        assertThat(fx.balance(mayDay, mayDay)).containsExactly(new DailyBalance(mayDay, 0, 2, 0));
        assertThat(fx.stats.readKeyValuesToMap().get("eeu-bri-friction@day@2025-05-08T00:00:00Z").count())
                .isEqualTo(2);
    }

    @Test
    void shouldEmitOneSurgeWhenHourlyVolumeReachesThreeTimesTheBaseline() {
        //Given one match an hour for the 24 hours before 11:00 (the wall clock is at 12:00): baseline 1 per hour
        Instant hour = at("11:00");
        Instant start = hour.minus(Duration.ofDays(1));
        for (int h = 0; h < 24; h++) {
            fx.pipe(pipelineArticle("base-" + h, start.plus(Duration.ofHours(h)).plusSeconds(60)));
        }
        //When the current hour has 3, then 4 matches
        for (int i = 1; i <= 4; i++) {
            fx.pipe(pipelineArticle("burst-" + i, hour.plus(Duration.ofMinutes(10L * i))));
        }
        //Then one surge, when the third arrived, stamped with the wall-clock time it was detected
        assertThat(fx.surges.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(THEME);
            assertThat(r.getRecordTime()).isEqualTo(TopologyFixture.WALL_CLOCK);
            SurgeEvent surge = r.value();
            assertThat(surge.windowStart()).isEqualTo(hour);
            assertThat(surge.windowEnd()).isEqualTo(hour.plus(Duration.ofHours(1)));
            assertThat(surge.count()).isEqualTo(3);
            assertThat(surge.baseline()).isEqualTo(1.0);
            assertThat(surge.ratio()).isEqualTo(3.0);
            assertThat(surge.detectedAt()).isEqualTo(TopologyFixture.WALL_CLOCK);
            assertThat(surge.themeTitle()).isEqualTo("Power of Siberia gas pipelines");
            assertThat(surge.themeRevision()).isEqualTo(1);
            assertThat(surge.sources()).containsExactly("Test Wire");
            assertThat(surge.languages()).containsExactly("en");
            assertThat(surge.lowestScore()).isPositive();
        });
        assertThat(fx.countStore().get("power-of-siberia@hour@2025-05-14T11:00:00Z").surgeReported()).isTrue();
    }

    @Test
    void shouldNotEmitSurgeWhenAYearOldBurstIsReplayedInAnyOrder() {
        //Given the same burst as above, a year before the wall clock, its hour replayed before its baseline
        Instant hour = at("11:00").minus(Duration.ofDays(365));
        for (int i = 1; i <= 4; i++) {
            fx.pipe(pipelineArticle("burst-" + i, hour.plus(Duration.ofMinutes(10L * i))));
        }
        for (int h = 0; h < 24; h++) {
            fx.pipe(pipelineArticle("base-" + h, hour.minus(Duration.ofDays(1)).plus(Duration.ofHours(h)).plusSeconds(60)));
        }
        //Then it is counted, but no surge "now" is reported about last year
        assertThat(fx.counts(THEME, Granularity.HOUR, hour, hour))
                .singleElement().extracting(ThemeStatsEvent::count).isEqualTo(4L);
        assertThat(fx.surges.isEmpty()).isTrue();
    }

    @Test
    void shouldCountAndReportAMatchWhosePublicationTimeCannotBeBucketed() {
        //Given a match on the matches topic published in year 0, written by another producer
        var matchesIn = fx.driver.createInputTopic(org.newsmonitor.contracts.Topics.THEME_MATCHES.name(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                org.newsmonitor.contracts.Topics.THEME_MATCHES.valueSerde().serializer());
        var match = new org.newsmonitor.contracts.event.ThemeMatchEvent(1, "ancient", "ancient", THEME, "Power",
                Polarity.COOPERATION, 5, java.util.List.of(), "", "An ancient article", null, "Test Wire", "en",
                Instant.parse("0000-06-01T00:00:00Z"), TopologyFixture.WALL_CLOCK, 1, java.util.List.of(), java.util.List.of());
        //When
        matchesIn.pipeInput("ancient", match, TopologyFixture.WALL_CLOCK);
        fx.pipe(pipelineArticle("a1", at("07:10")));
        //Then the ancient match is not in any bucket, but counted as excluded; the next one counts
        assertThat(StreamQueries.excluded(fx.countStore())).isEqualTo(1);
        assertThat(fx.stats.readKeyValuesToMap()).containsOnlyKeys("power-of-siberia@hour@2025-05-14T07:00:00Z",
                "power-of-siberia@day@2025-05-14T00:00:00Z");
        assertThat(fx.driver.metrics().entrySet()).anySatisfy(m -> {
            assertThat(m.getKey().name()).isEqualTo(
                    org.newsmonitor.stream.stats.CountMatchesProcessor.EXCLUDED_METRIC);
            assertThat(m.getValue().metricValue()).isEqualTo(1.0);
        });
    }

    @Test
    void shouldAnswerAQueryWithTheBucketsOfThatThemeOnlyWhenAnotherThemesIdStartsWithIt() {
        //Given buckets of "arms" and of "arms-sales" on the same day
        var store = fx.countStore();
        var count = new org.newsmonitor.stream.stats.ThemeCount(Polarity.MIXED, 4, null, null, 0, null, null, false);
        store.put("arms@day@2025-05-14T00:00:00Z", count);
        store.put("arms-sales@day@2025-05-14T00:00:00Z", count);
        store.put("arms@day@2025-05-16T00:00:00Z", count);
        //When / Then
        assertThat(fx.counts("arms", Granularity.DAY, DAY, DAY.plus(Duration.ofDays(3))))
                .extracting(ThemeStatsEvent::themeId, ThemeStatsEvent::windowStart)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("arms", DAY),
                        org.assertj.core.groups.Tuple.tuple("arms", DAY.plus(Duration.ofDays(2))));
        assertThat(fx.counts("arms", Granularity.DAY, DAY.plusSeconds(1), DAY.plus(Duration.ofDays(1)))).isEmpty();
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
