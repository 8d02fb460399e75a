package org.newsmonitor.alerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsmonitor.alerts.testing.Fixtures;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;

/** The views' follower hands on what it can read and dead-letters the rest; nothing stops it. */
class TopicFollowerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final List<DeadLetterEvent> deadLetters = new ArrayList<>();
    private final List<String> handled = new ArrayList<>();
    private final TopicFollower follower = new TopicFollower(ClientSettings.of("dummy:9092"), "test-views",
            (event, error) -> deadLetters.add(event), CLOCK);

    @Test
    void shouldDeadLetterASubscriptionWhoseKeyDiffersFromItsIdInsteadOfTakingItIntoTheView() {
        // Given a record under another subscription's key that carries the id of the victim's subscription
        follower.follow(Topics.SUBSCRIPTIONS, null, (key, s) -> handled.add(key + "=" + s.id()));
        SubscriptionEvent forged = Fixtures.subscription("victims-subscription", List.of());
        // When the follower reads it
        follower.dispatch(record(Topics.SUBSCRIPTIONS, "mallorys-subscription", bytes(Topics.SUBSCRIPTIONS, forged), 4));
        // Then the view never sees it and the dead letter says why
        assertThat(handled).isEmpty();
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic()).isEqualTo("news-subscriptions");
            assertThat(d.sourceOffset()).isEqualTo(4);
            assertThat(d.key()).isEqualTo("mallorys-subscription");
            assertThat(d.reason()).contains("record key is 'mallorys-subscription'").contains("'victims-subscription'");
        });
    }

    @Test
    void shouldTakeASubscriptionUnderItsOwnKeyAndATombstone() {
        follower.follow(Topics.SUBSCRIPTIONS, null, (key, s) -> handled.add(key + "=" + (s == null ? null : s.id())));
        SubscriptionEvent own = Fixtures.subscription("gas", List.of());
        follower.dispatch(record(Topics.SUBSCRIPTIONS, "gas", bytes(Topics.SUBSCRIPTIONS, own), 0));
        follower.dispatch(record(Topics.SUBSCRIPTIONS, "gas", null, 1));
        assertThat(handled).containsExactly("gas=gas", "gas=null");
        assertThat(deadLetters).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeadLetterEveryHostileRecordOfEveryFollowedTopicAndGoOn() {
        // Given the follower of the alerts service's views, over every topic it follows
        List<TopicSpec<?>> followed = List.of(Topics.SUBSCRIPTIONS, Topics.THEMES, Topics.THEME_STATS,
                Topics.THEME_SURGES, Topics.DELIVERIES, Topics.ALERTS);
        followed.forEach(t -> follower.follow(t, null, (k, v) -> handled.add(k)));
        int cases = 0;
        for (TopicSpec<?> topic : followed) {
            long offset = 0;
            for (PoisonCase poison : new PoisonRecords((Class<? extends Record>) topic.valueType(), 19L).cases(200)) {
                // When each hostile value arrives
                follower.dispatch(record(topic, "k", poison.value(), offset++));
                cases++;
            }
        }
        // Then each was taken or dead-lettered, naming its topic, and the follower is still going
        assertThat(handled.size() + deadLetters.size()).isEqualTo(cases);
        assertThat(deadLetters).hasSizeGreaterThan(cases * 9 / 10)
                .allSatisfy(d -> assertThat(d.reason()).contains("topic '" + d.sourceTopic() + "'"));
    }

    private static <V> byte[] bytes(TopicSpec<V> topic, V value) {
        return topic.valueSerde().serialize(topic.name(), value);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicSpec<?> topic, String key, byte[] value, long offset) {
        return new ConsumerRecord<>(topic.name(), 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
