package org.newsmonitor.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;

/** Restoring feed state takes what it can read and dead-letters the rest; no record stops the ingester. */
class FeedStateViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final List<DeadLetterEvent> deadLetters = new ArrayList<>();
    private final FeedStateView view = new FeedStateView((event, error) -> deadLetters.add(event), CLOCK);

    @Test
    void shouldKeepTheLastStatePerFeedAndForgetAFeedOnATombstone() {
        view.apply("tass", bytes(state("tass", "https://tass.example/rss")), 0, 0);
        view.apply("xinhua", bytes(state("xinhua", "https://xinhua.example/rss")), 0, 1);
        view.apply("tass", bytes(state("tass", "https://tass.example/rss2")), 0, 2);
        view.apply("xinhua", null, 0, 3);
        assertThat(view.states()).containsOnlyKeys("tass");
        assertThat(view.states().get("tass").url()).isEqualTo("https://tass.example/rss2");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldDeadLetterAStateWhoseKeyDiffersFromItsFeedId() {
        view.apply("tass", bytes(state("tass", "https://tass.example/rss")), 0, 0);
        view.apply("tass", bytes(state("xinhua", "https://evil.example/rss")), 0, 1);
        assertThat(view.states().get("tass").url()).isEqualTo("https://tass.example/rss");
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("ingest.feed-state");
            assertThat(d.sourceTopic()).isEqualTo("news-feed-state");
            assertThat(d.sourceOffset()).isEqualTo(1);
            assertThat(d.reason()).contains("record key is 'tass'").contains("'xinhua'");
        });
    }

    @Test
    void shouldDeadLetterEveryHostileRecordAndKeepTheGoodOnes() {
        List<PoisonCase> cases = new PoisonRecords(FeedStateEvent.class, 19L).cases(300);
        view.apply("tass", bytes(state("tass", "https://tass.example/rss")), 0, 0);
        long offset = 1;
        for (PoisonCase poison : cases) {
            view.apply("poisoned", poison.value(), 0, offset++);
        }
        assertThat(deadLetters).hasSize(cases.size());
        assertThat(view.states()).containsOnlyKeys("tass");
    }

    private static FeedStateEvent state(String feedId, String url) {
        return new FeedStateEvent(FeedStateEvent.CURRENT_VERSION, feedId, url, null, null, List.of(), null, null, null,
                0, null, false);
    }

    private static byte[] bytes(FeedStateEvent state) {
        return Topics.FEED_STATE.valueSerde().serialize(Topics.FEED_STATE.name(), state);
    }

}
