package org.newsmonitor.alerts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsmonitor.alerts.testing.Fixtures.match;
import static org.newsmonitor.alerts.testing.Fixtures.querySubscription;
import static org.newsmonitor.alerts.testing.Fixtures.subscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/** Matches of private queries (news-query-matches) become alerts for the owning subscription only. */
class QueryAlertTopologyTest {
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, SubscriptionEvent> subscriptions;
    private TestInputTopic<String, ThemeMatchEvent> queryMatches;
    private TestInputTopic<String, byte[]> rawQueryMatches;
    private TestInputTopic<String, ThemeMatchEvent> themeMatches;
    private TestOutputTopic<String, AlertEvent> alerts;
    private TestOutputTopic<String, DeadLetterEvent> deadLetters;

    @BeforeEach
    void startDriver() {
        Properties props = AlertPolicyTopology.streamsConfig(ClientSettings.of("dummy:9092"), stateDir.toString());
        driver = new TopologyTestDriver(AlertPolicyTopology.build(RETENTION, (event, error) -> { }), props, START);
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), new StringSerializer(),
                Topics.SUBSCRIPTIONS.valueSerde().serializer());
        queryMatches = driver.createInputTopic(Topics.QUERY_MATCHES.name(), new StringSerializer(),
                Topics.QUERY_MATCHES.valueSerde().serializer());
        rawQueryMatches = driver.createInputTopic(Topics.QUERY_MATCHES.name(), new StringSerializer(),
                new ByteArraySerializer());
        themeMatches = driver.createInputTopic(Topics.THEME_MATCHES.name(), new StringSerializer(),
                Topics.THEME_MATCHES.valueSerde().serializer());
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

    private static ThemeMatchEvent queryMatch(String subscriptionId, String articleId, String storyId) {
        return new ThemeMatchEvent(1, articleId, storyId, "query:" + subscriptionId, "Kovykta buyers",
                Polarity.MIXED, 1.0, List.of(new MatchedTerm("kovykta", "title", 0, 7),
                        new MatchedTerm("cnpc", "title", 16, 20)), "Kovykta gas for CNPC", "Kovykta gas for CNPC",
                "https://news.example.org/" + articleId, "Example Wire", "en", T0, T0.plusSeconds(5));
    }

    @Test
    void shouldAlertOnlyTheOwningSubscriptionOncePerStoryWithTheMatchedTerms() {
        //Given the owner's query and other owners' subscriptions, one following every theme
        subscribe(querySubscription("mine", "alice", "kovykta AND cnpc", List.of()));
        subscribe(querySubscription("theirs", "bob", "kovykta", List.of()));
        subscribe(subscription("everything", List.of()));
        //When two copies of one story match the query
        queryMatches.pipeInput("story-1", queryMatch("mine", "a1", "story-1"));
        queryMatches.pipeInput("story-1", queryMatch("mine", "a2", "story-1"));
        //Then one alert, for that subscription only, naming the terms with their offsets
        List<TestRecord<String, AlertEvent>> out = alerts.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("mine");
        AlertEvent alert = out.get(0).value();
        assertThat(alert.alertId()).isEqualTo(AlertIds.of("mine", "query:mine", "story-1"));
        assertThat(alert.themeId()).isEqualTo("query:mine");
        assertThat(alert.articleId()).isEqualTo("a1");
        assertThat(alert.terms()).containsExactly(new MatchedTerm("kovykta", "title", 0, 7),
                new MatchedTerm("cnpc", "title", 16, 20));
    }

    @Test
    void shouldNotAlertWhenTheQueryWasRemovedOrTheFiltersRefuse() {
        //Given
        subscribe(querySubscription("gone", "alice", null, List.of()));
        subscribe(new SubscriptionEvent(1, "russian-only", "alice", "ru", List.of(), 0, List.of("ru"), List.of(),
                null, null, null, null, false, T0, T0, null, null, null, null, "kovykta"));
        //When
        queryMatches.pipeInput("story-1", queryMatch("gone", "a1", "story-1"));
        queryMatches.pipeInput("story-1", queryMatch("russian-only", "a1", "story-1"));
        queryMatches.pipeInput("story-1", queryMatch("unknown", "a1", "story-1"));
        //Then
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldGiveNoThemeAlertsToASubscriptionWithAQuery() {
        //Given a subscription with a query and themes
        subscribe(querySubscription("both", "alice", "gazprom", List.of("power-of-siberia")));
        //When a theme match of its theme arrives (the stream decides whether the query held too)
        themeMatches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 9.0));
        //Then only query matches alert it
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAQueryMatchThatIsNotAQuerysAndGoOn() {
        //Given
        subscribe(querySubscription("mine", "alice", "kovykta", List.of()));
        //When a theme match lands on the query topic, then a valid query match
        queryMatches.pipeInput("story-1", match("a1", "story-1", "power-of-siberia", 9.0));
        rawQueryMatches.pipeInput("story-2", "{".getBytes(StandardCharsets.UTF_8));
        queryMatches.pipeInput("story-3", queryMatch("mine", "a3", "story-3"));
        //Then
        List<DeadLetterEvent> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetterEvent::stage).containsOnly("alerts.match-query-subscriptions");
        assertThat(letters.get(0).reason()).contains("themeId 'power-of-siberia' on topic 'news-query-matches' is not"
                + " a query's");
        assertThat(letters).hasSize(2);
        assertThat(alerts.readValuesToList()).extracting(AlertEvent::storyId).containsExactly("story-3");
    }
}
