package org.newsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.poll.FeedRuntime;

/** Feed health from what each feed's runtime records. */
class FeedHealthReportTest {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void shouldTellEachStoredFeedsStatusFromItsCommittedState() {
        //Given
        List<FeedDefinition> listed = List.of(feed("never"), feed("fine"), feed("flaky"), feed("broken"),
                feed("off"));
        Map<String, FeedStateEvent> committed = Map.of(
                "fine", state("fine", T, 0, false),
                "flaky", state("flaky", T, 2, false),
                "broken", state("broken", T, 3, false),
                "off", state("off", T, 0, true));
        //When
        List<FeedHealth> health = FeedHealthReport.stored(listed, committed, 3);
        //Then
        assertThat(health).extracting(FeedHealth::feedId).containsExactly("never", "fine", "flaky", "broken", "off");
        assertThat(health).extracting(FeedHealth::status).containsExactly(FeedStatus.PENDING, FeedStatus.OK,
                FeedStatus.FAILING, FeedStatus.UNHEALTHY, FeedStatus.DISABLED);
        assertThat(health.get(2).consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void shouldReportKafkaUnavailableUntilStateIsKnownAndCarryTheWebSubState() {
        //Given
        FeedRuntime pushed = new FeedRuntime(feed("pushed"));
        pushed.restore(state("pushed", T, 0, false));
        //When
        List<FeedHealth> restoring = FeedHealthReport.live(List.of(pushed), false, 3, id -> "pushed by hub of " + id);
        List<FeedHealth> restored = FeedHealthReport.live(List.of(pushed), true, 3, id -> "pushed by hub of " + id);
        //Then
        assertThat(restoring.get(0).status()).isEqualTo(FeedStatus.KAFKA_UNAVAILABLE);
        assertThat(restored.get(0).status()).isEqualTo(FeedStatus.OK);
        assertThat(restored.get(0).webSub()).isEqualTo("pushed by hub of pushed");
    }

    private static FeedDefinition feed(String id) {
        return new FeedDefinition(id, URI.create("https://news.example/" + id + ".xml"), id, "en", List.of(),
                Duration.ofMinutes(15), ZoneId.of("UTC"), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    private static FeedStateEvent state(String id, Instant lastSuccess, int failures, boolean disabled) {
        return new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, id, "https://news.example/" + id + ".xml", null,
                null, List.of(), lastSuccess, failures == 0 ? null : "HTTP 503", failures == 0 ? null : T, failures,
                null, disabled);
    }
}
