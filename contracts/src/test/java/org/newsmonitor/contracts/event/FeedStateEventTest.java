package org.newsmonitor.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.Topics;

class FeedStateEventTest {

    @Test
    void shouldReadARecordWrittenBeforeAdaptivePollingWithAnEmptyHistory() {
        String old = """
                {"schemaVersion":1,"feedId":"f","url":"https://f.example/rss","seenIds":["a"],
                 "consecutiveFailures":0,"nextPollAt":"2025-05-14T07:56:12Z","disabled":false}
                """;
        FeedStateEvent state = Topics.FEED_STATE.valueSerde().deserializer()
                .deserialize(Topics.FEED_STATE.name(), old.getBytes(StandardCharsets.UTF_8));
        assertThat(state.recentItemTimes()).isEmpty();
        assertThat(state.hourlyActivity()).isEmpty();
        assertThat(state.pollIntervalSeconds()).isNull();
        assertThat(state.pollReason()).isNull();
        assertThat(state.fullTextOutcomes()).isEmpty();
    }

    @Test
    void shouldRefuseANegativeFullTextCountAndLeaveAnEmptyOneOutOfTheJson() {
        assertThatThrownBy(() -> new FeedStateEvent(1, "f", "https://f.example/rss", null, null, List.of(), null, null,
                null, 0, null, false, List.of(), List.of(), null, null, Map.of("page", -1L)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("fullTextOutcomes")
                .hasMessageContaining("page=-1");
        FeedStateEvent none = new FeedStateEvent(1, "f", "https://f.example/rss", null, null, List.of(), null, null,
                null, 0, null, false);
        String json = new String(Topics.FEED_STATE.valueSerde().serializer().serialize(Topics.FEED_STATE.name(), none),
                StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("fullTextOutcomes");
    }

    @Test
    void shouldRefuseAnHourlyProfileWithoutTwentyFourHours() {
        assertThatThrownBy(() -> new FeedStateEvent(1, "f", "https://f.example/rss", null, null, List.of(), null, null,
                null, 0, null, false, List.of(), Collections.nCopies(23, 0.0), null, null))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("hourlyActivity")
                .hasMessageContaining("had 23");
    }
}
