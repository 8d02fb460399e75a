package org.newsmonitor.alerts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.Fixtures.match;
import static org.newsmonitor.alerts.testing.Fixtures.subscription;
import static org.newsmonitor.alerts.testing.Fixtures.surge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;
import org.apache.kafka.streams.state.KeyValueStore;

class AlertPolicyTopologyTest {
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, SubscriptionEvent> subscriptions;
    private TestInputTopic<String, ThemeMatchEvent> matches;
    private TestInputTopic<String, byte[]> rawMatches;
    private TestInputTopic<String, SurgeEvent> surges;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<String, DeadLetterEvent> deadLetters;
    private final List<DeadLetterEvent> globalDeadLetters = new ArrayList<>();
    private TestInputTopic<String, byte[]> rawSubscriptions;

    @BeforeEach
    void startDriver() {
        Properties props = AlertPolicyTopology.streamsConfig(ClientSettings.of("dummy:9092"), stateDir.toString());
        driver = new TopologyTestDriver(AlertPolicyTopology.build(RETENTION, (event, error) -> globalDeadLetters.add(event)), props, START);
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer());
        rawSubscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
        matches = driver.createInputTopic(Topics.THEME_MATCHES.name(), new StringSerializer(),
                Topics.THEME_MATCHES.valueSerde().serializer());
        rawMatches = driver.createInputTopic(Topics.THEME_MATCHES.name(), new StringSerializer(),
                new ByteArraySerializer());
        surges = driver.createInputTopic(Topics.THEME_SURGES.name(), new StringSerializer(),
                Topics.THEME_SURGES.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void subscribe(SubscriptionEvent s) {
        subscriptions.pipeInput(s.id(), s);
    }

    @Test
    void shouldEmitOneAlertPerInterestedSubscriptionWhenAMatchArrives() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        subscribe(subscription("arms", List.of("arms-sales")));
        subscribe(subscription("everything", List.of()));
        //When
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then
        List<TestRecord<String, AlertEvent>> out = alerts.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactlyInAnyOrder("gas", "everything");
        AlertEvent gas = out.stream().filter(r -> r.key().equals("gas")).findFirst().orElseThrow().value();
        assertThat(gas.alertId()).isEqualTo(AlertIds.of("gas", "power-of-siberia", "story-1"));
        assertThat(gas.kind()).isEqualTo(AlertKind.MATCH);
        assertThat(gas.title()).isEqualTo("Power of Siberia 2: pricing talks resume in Beijing");
        assertThat(gas.url()).isEqualTo("https://news.example.org/a1");
        assertThat(gas.terms()).hasSize(1);
        assertThat(gas.snippetTerms()).containsExactly(new MatchedTerm("Power of Siberia", "snippet", 0, 16));
        assertThat(gas.createdAt()).isEqualTo(START);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterASubscriptionWhoseKeyDiffersFromItsIdAndKeepItOutOfTheStore() {
        //Given the victim's subscription, and a record under another key carrying the victim's id
        subscribe(subscription("gas", List.of("power-of-siberia")));
        subscriptions.pipeInput("mallory", subscription("gas", List.of()));
        //When a match arrives
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then the forged record is not in the store, the victim gets one alert, and the dead letter says why
        KeyValueStore<String, SubscriptionEvent> store = driver.getKeyValueStore(AlertPolicyTopology.SUBSCRIPTIONS_STORE);
        assertThat(store.get("mallory")).isNull();
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("gas");
        assertThat(globalDeadLetters).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic()).isEqualTo(Topics.SUBSCRIPTIONS.name());
            assertThat(d.key()).isEqualTo("mallory");
            assertThat(d.stage()).isEqualTo("alerts.policy.subscriptions");
            assertThat(d.reason()).contains("record key is 'mallory'").contains("'gas'");
        });
    }

    @Test
    void shouldDeadLetterEveryHostileSubscriptionRecordAndKeepAlerting() {
        //Given hostile values on the subscriptions topic
        List<PoisonCase> cases = new PoisonRecords(SubscriptionEvent.class, 19L).cases(100);
        for (PoisonCase poison : cases) {
            rawSubscriptions.pipeInput("poisoned", poison.value());
        }
        //When a good subscription and a match follow
        subscribe(subscription("gas", List.of("power-of-siberia")));
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then every hostile value was dead-lettered and the good subscription still alerts
        assertThat(globalDeadLetters).hasSize(cases.size());
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("gas");
    }

    @Test
    void shouldDeadLetterEveryHostileMatchAndSurgeRecordAndKeepAlerting() {
        //Given a subscription, and hostile values on the matches and surges topics
        subscribe(subscription("everything", List.of()));
        TestInputTopic<String, byte[]> rawSurges = driver.createInputTopic(Topics.THEME_SURGES.name(),
                new StringSerializer(), new ByteArraySerializer());
        List<PoisonCase> matchCases = new PoisonRecords(ThemeMatchEvent.class, 19L).cases(100);
        List<PoisonCase> surgeCases = new PoisonRecords(SurgeEvent.class, 19L).cases(100);
        matchCases.forEach(p -> rawMatches.pipeInput("story-x", p.value()));
        surgeCases.forEach(p -> rawSurges.pipeInput("power-of-siberia", p.value()));
        //When a good match follows
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then every hostile value was dead-lettered and the good match still alerts
        assertThat(deadLetters.readValuesToList()).hasSize(matchCases.size() + surgeCases.size());
        assertThat(alerts.readValuesToList()).extracting(AlertEvent::storyId).containsExactly("story-1");
    }

    @Test
    void shouldEmitOneAlertWhenSeveralOutletsCopyTheSameStory() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        //When
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0, "en", "Wire One"));
        matches.pipeInput("story-1", match("a2", "story-1", "power-of-siberia", 4.0, "en", "Wire Two"));
        matches.pipeInput("story-1", match("a3", "story-1", "power-of-siberia", 2.0, "en", "Wire Three"));
        //Then
        List<AlertEvent> out = alerts.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).articleId()).isEqualTo("a1");
    }

    @Test
    void shouldEmitNoNewAlertWhenAMatchIsProcessedAgain() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        ThemeMatchEvent m = match("a1", "story-1", "power-of-siberia", 3.0);
        matches.pipeInput("story-1", m);
        assertThat(alerts.readValuesToList()).hasSize(1);
        //When
        driver.advanceWallClockTime(Duration.ofHours(2));
        matches.pipeInput("story-1", m);
        //Then
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.getWindowStore(AlertPolicyTopology.ALERT_IDS_STORE)).isNotNull();
    }

    @Test
    void shouldAlertAgainWithTheSameIdWhenTheDedupRetentionHasPassed() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        ThemeMatchEvent m = match("a1", "story-1", "power-of-siberia", 3.0);
        matches.pipeInput("story-1", m);
        String firstId = alerts.readValue().alertId();
        //When
        driver.advanceWallClockTime(RETENTION.plusHours(3));
        matches.pipeInput("story-2", match("a9", "story-2", "power-of-siberia", 3.0));
        matches.pipeInput("story-1", m);
        //Then: the store forgot it, and receivers can still de-duplicate by the unchanged id
        List<AlertEvent> out = alerts.readValuesToList();
        assertThat(out).extracting(AlertEvent::storyId).containsExactly("story-2", "story-1");
        assertThat(out.get(1).alertId()).isEqualTo(firstId);
    }

    @Test
    void shouldEmitSeparateAlertsWhenOneStoryMatchesTwoThemes() {
        //Given
        subscribe(subscription("everything", List.of()));
        //When
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        matches.pipeInput("story-1", match("a1", "story-1", "arms-sales", 3.0));
        //Then
        assertThat(alerts.readValuesToList()).extracting(AlertEvent::themeId)
                .containsExactly("power-of-siberia", "arms-sales");
    }

    @Test
    void shouldApplyScoreLanguageAndSourceFiltersWhenSubscriptionNamesThem() {
        //Given
        subscribe(subscription("strict", List.of(), 2.5, List.of("ru"), List.of("TASS"), false));
        //When
        matches.pipeInput("s1", match("a1", "s1", "power-of-siberia", 2.0, "ru", "TASS"));
        matches.pipeInput("s2", match("a2", "s2", "power-of-siberia", 3.0, "en", "TASS"));
        matches.pipeInput("s3", match("a3", "s3", "power-of-siberia", 3.0, "ru", "Xinhua"));
        matches.pipeInput("s4", match("a4", "s4", "power-of-siberia", 3.0, null, "TASS"));
        matches.pipeInput("s5", match("a5", "s5", "power-of-siberia", 3.0, "RU", "tass"));
        //Then
        assertThat(alerts.readValuesToList()).extracting(AlertEvent::storyId).containsExactly("s5");
    }

    @Test
    void shouldStopAlertingWhenTheSubscriptionIsDeleted() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        //When
        subscriptions.pipeInput("gas", (SubscriptionEvent) null);
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAndContinueWhenAMatchRecordDoesNotDeserialise() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        //When
        rawMatches.pipeInput("bad-1", "{not json".getBytes(StandardCharsets.UTF_8));
        rawMatches.pipeInput("bad-2", "{\"schemaVersion\":1,\"articleId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        rawMatches.pipeInput("bad-3", new byte[] {(byte) 0xff, (byte) 0xfe, 0x01});
        matches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 3.0));
        //Then
        assertThat(alerts.readValuesToList()).hasSize(1);
        List<TestRecord<String, DeadLetterEvent>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("bad-1", "bad-2", "bad-3");
        DeadLetterEvent first = dead.get(0).value();
        assertThat(first.stage()).isEqualTo("alerts.match-subscriptions");
        assertThat(first.sourceTopic()).isEqualTo(Topics.THEME_MATCHES.name());
        assertThat(first.payload()).isEqualTo("{not json");
        assertThat(first.reason()).contains("Malformed JSON").contains("news-theme-matches");
        assertThat(dead.get(1).value().reason()).contains("ThemeMatchEvent");
        assertThat(dead.get(2).value().payloadEncoding()).isEqualTo("base64");
        assertThat(new String(dead.get(0).headers().lastHeader(DlqHeaders.STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("alerts.match-subscriptions");
        assertThat(dead.get(0).headers().lastHeader(DlqHeaders.SOURCE_OFFSET)).isNotNull();
    }

    @Test
    void shouldAlertOnSurgesOnlyForSubscriptionsThatAskedForThem() {
        //Given
        subscribe(subscription("surges", List.of("power-of-siberia"), 0, List.of(), List.of(), true));
        subscribe(subscription("quiet", List.of("power-of-siberia"), 0, List.of(), List.of(), false));
        subscribe(subscription("other-theme", List.of("arms-sales"), 0, List.of(), List.of(), true));
        Instant hour = Instant.parse("2026-03-02T07:00:00Z");
        //When
        surges.pipeInput("power-of-siberia", surge("power-of-siberia", hour));
        surges.pipeInput("power-of-siberia", surge("power-of-siberia", hour));
        //Then
        List<TestRecord<String, AlertEvent>> out = alerts.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("surges");
        AlertEvent alert = out.get(0).value();
        assertThat(alert.kind()).isEqualTo(AlertKind.SURGE);
        assertThat(alert.storyId()).isEqualTo("surge:power-of-siberia@2026-03-02T07:00:00Z");
        assertThat(alert.title()).contains("42 matches").contains("7.0x the usual 6.00 an hour");
    }

    @Test
    void shouldSayWhichThemeRevisionMadeTheMatchOfAnAlertIssue21() {
        //Given
        subscribe(subscription("gas", List.of("power-of-siberia")));
        //When a match made by revision 3 of its theme arrives
        matches.pipeInput("s1", match("a1", "s1", "power-of-siberia", 5.0));
        //Then
        assertThat(alerts.readValue().themeRevision()).isEqualTo(3);
    }

    @Test
    void shouldStampAlertsWithTheWallClockTimeTheyWereMadeSoThatRetentionRunsFromThereIssue21() {
        //Given a match about news published a year before the wall clock
        subscribe(subscription("gas", List.of("power-of-siberia")));
        Instant yearAgo = START.minus(Duration.ofDays(365));
        //When it arrives with its publication time as timestamp, and so does an unreadable one
        matches.pipeInput("s1", match("a1", "s1", "power-of-siberia", 5.0), yearAgo);
        rawMatches.pipeInput("s2", "{".getBytes(StandardCharsets.UTF_8), yearAgo);
        //Then the alert and the dead letter carry the time they were written; the publication time stays inside
        TestRecord<String, AlertEvent> alert = alerts.readRecord();
        assertThat(alert.getRecordTime()).isEqualTo(START);
        assertThat(alert.value().publishedAt()).isEqualTo(org.newsmonitor.alerts.testing.Fixtures.T0);
        assertThat(deadLetters.readRecord().getRecordTime()).isEqualTo(START);
    }

    @Test
    void shouldAlertOnASurgeOnlyWhereEveryMatchOfItsHourPassesTheSubscriptionsFiltersIssue21() {
        //Given subscriptions to surges with and without filters; the surge's matches are English, from Example
        //Wire, and score at least 5
        subscribe(subscription("any", List.of("power-of-siberia"), 0, List.of(), List.of(), true));
        subscribe(subscription("score-5", List.of("power-of-siberia"), 5, List.of("EN"), List.of("example wire"),
                true));
        subscribe(subscription("score-6", List.of("power-of-siberia"), 6, List.of(), List.of(), true));
        subscribe(subscription("other-source", List.of("power-of-siberia"), 0, List.of(), List.of("Tass"), true));
        subscribe(subscription("russian", List.of("power-of-siberia"), 0, List.of("ru"), List.of(), true));
        //When
        surges.pipeInput("power-of-siberia", surge("power-of-siberia", Instant.parse("2026-03-02T07:00:00Z")));
        //Then
        assertThat(alerts.readRecordsToList()).extracting(TestRecord::key).containsExactlyInAnyOrder("any", "score-5");
    }

    @Test
    void shouldWriteASurgeAlertWithTheThemesTitleAndNumbersThatAddUpIssue21() {
        //Given 10 matches in the 24 hours before, and 5 in this hour
        subscribe(subscription("surges", List.of("power-of-siberia"), 0, List.of(), List.of(), true));
        Instant hour = Instant.parse("2026-03-02T07:00:00Z");
        SurgeEvent surge = new SurgeEvent(1, "power-of-siberia", hour, hour.plusSeconds(3600), 5, 10.0 / 24, 12.0,
                hour.plusSeconds(3700), "Power of Siberia gas pipelines", 7, 4.0, List.of("Example Wire"),
                List.of("en"));
        //When
        surges.pipeInput("power-of-siberia", surge);
        //Then the text's count is its ratio times its baseline, and the alert names the theme by its title
        AlertEvent alert = alerts.readValue();
        assertThat(alert.themeTitle()).isEqualTo("Power of Siberia gas pipelines");
        assertThat(alert.themeRevision()).isEqualTo(7);
        assertThat(alert.title()).startsWith("Surge: 5 matches of Power of Siberia gas pipelines in the hour from "
                + "2026-03-02T07:00:00Z");
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("([0-9.]+)x the usual ([0-9.]+) an hour")
                .matcher(alert.title());
        assertThat(numbers.find()).as(alert.title()).isTrue();
        double ratio = Double.parseDouble(numbers.group(1));
        double baseline = Double.parseDouble(numbers.group(2));
        assertThat(ratio * baseline).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void shouldSayThatTheHoursBeforeHadNoMatchesWhenASurgeHasNoBaselineIssue21() {
        //Given
        subscribe(subscription("surges", List.of("power-of-siberia"), 0, List.of(), List.of(), true));
        Instant hour = Instant.parse("2026-03-02T07:00:00Z");
        //When
        surges.pipeInput("power-of-siberia", new SurgeEvent(1, "power-of-siberia", hour, hour.plusSeconds(3600), 3,
                0, 72, hour.plusSeconds(3700), "Power of Siberia gas pipelines", 7, 4.0, List.of("Example Wire"),
                List.of("en")));
        //Then
        assertThat(alerts.readValue().title()).isEqualTo("Surge: 3 matches of Power of Siberia gas pipelines in the "
                + "hour from 2026-03-02T07:00:00Z, where the hours before had none");
    }

    @Test
    void shouldDeadLetterAnUnreadableSurge() {
        //Given
        TestInputTopic<String, byte[]> rawSurges = driver.createInputTopic(Topics.THEME_SURGES.name(),
                new StringSerializer(), new ByteArraySerializer());
        //When
        rawSurges.pipeInput("power-of-siberia", "[]".getBytes(StandardCharsets.UTF_8));
        //Then
        DeadLetterEvent dead = deadLetters.readValue();
        assertThat(dead.sourceTopic()).isEqualTo(Topics.THEME_SURGES.name());
        assertThat(dead.stage()).isEqualTo("alerts.match-surge-subscriptions");
    }

    @Test
    void shouldKeepSurgeAndQueryAlertIdsInMemoryAndMatchAlertIdsInRocksDb() {
        //Given the topology as the alerts service runs it
        //When
        boolean surgeIdsPersistent = driver.getAllStateStores().get(AlertPolicyTopology.SURGE_ALERT_IDS_STORE).persistent();
        boolean queryIdsPersistent = driver.getAllStateStores().get(AlertPolicyTopology.QUERY_ALERT_IDS_STORE).persistent();
        boolean matchIdsPersistent = driver.getAllStateStores().get(AlertPolicyTopology.ALERT_IDS_STORE).persistent();
        //Then surge and query alert ids (a few a day, none without surge or query subscriptions) are restored from
        //their changelog on start: a RocksDB store that was never written has no checkpointed offset, and under
        //exactly-once Kafka Streams then treats its task as corrupted on every restart (an ERROR in the log of every
        //restart of a monitor without query subscriptions). Match alert ids stay on disk: they grow with
        //subscriptions times stories.
        assertThat(surgeIdsPersistent).isFalse();
        assertThat(queryIdsPersistent).isFalse();
        assertThat(matchIdsPersistent).isTrue();
    }

    @Test
    void shouldNameEveryProcessorAndStoreExplicitly() {
        //Given
        TopologyDescription description = AlertPolicyTopology.build(RETENTION, (event, error) -> globalDeadLetters.add(event)).describe();
        //Then
        assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-")
                .contains(AlertPolicyTopology.ALERT_IDS_STORE, AlertPolicyTopology.SURGE_ALERT_IDS_STORE,
                        AlertPolicyTopology.SUBSCRIPTIONS_STORE);
    }

    @Test
    void shouldUseExactlyOnceAndTheApplicationIdWhenConfiguring() {
        //When
        Properties props = AlertPolicyTopology.streamsConfig(ClientSettings.of("k:9092"), "/tmp/x");
        //Then
        assertThat(props.getProperty("application.id")).isEqualTo("news-monitor-alerts");
        assertThat(props.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
    }
}
