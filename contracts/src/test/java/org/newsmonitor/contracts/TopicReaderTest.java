package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.KeyedRecord;
import org.newsmonitor.contracts.poison.PoisonCase;
import org.newsmonitor.contracts.poison.PoisonRecords;

/** Every topic's reader takes hostile values with a clear error or a dead letter, never another exception. */
class TopicReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<DeadLetterEvent> deadLetters = new ArrayList<>();

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @SuppressWarnings("unchecked")
    void shouldRefuseEveryHostileValueWithAnErrorNamingTheTopic(TopicSpec<?> topic) {
        for (PoisonCase poison : new PoisonRecords((Class<? extends Record>) topic.valueType(), 19L).cases(300)) {
            try {
                topic.decode("k", poison.value());
            } catch (SerializationException e) {
                assertThat(e.getMessage()).as(poison.toString()).contains("topic '" + topic.name() + "'");
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("Unexpected " + e + " for " + poison, e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @SuppressWarnings("unchecked")
    void shouldDeadLetterEveryValueItCannotReadAndGoOn(TopicSpec<?> topic) {
        TopicReader<?> reader = new TopicReader<>(topic, "test.reader", (e, error) -> deadLetters.add(e), CLOCK);
        List<PoisonCase> cases = new PoisonRecords((Class<? extends Record>) topic.valueType(), 7L).cases(100);
        int taken = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (reader.read("k", cases.get(i).value(), 0, i, (k, v) -> { })) {
                taken++;
            }
        }
        assertThat(taken + deadLetters.size()).isEqualTo(cases.size());
        assertThat(deadLetters).isNotEmpty().allSatisfy(d -> {
            assertThat(d.sourceTopic()).isEqualTo(topic.name());
            assertThat(d.stage()).isEqualTo("test.reader");
            assertThat(d.reason()).isNotBlank();
        });
    }

    @Test
    void shouldDeadLetterARecordWhoseHandlerFails() {
        TopicReader<?> reader = new TopicReader<>(Topics.THEMES, "test.reader", (e, error) -> deadLetters.add(e),
                CLOCK);
        boolean taken = reader.read("k", null, 0, 5, (k, v) -> {
            throw new IllegalStateException("view broke");
        });
        assertThat(taken).isFalse();
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("view broke");
            assertThat(d.sourceOffset()).isEqualTo(5);
        });
    }

    @Test
    void shouldGoOnWhenTheDeadLetterCannotBeWrittenEither() {
        TopicReader<?> reader = new TopicReader<>(Topics.THEMES, "test.reader", (e, error) -> {
            throw new IllegalStateException("Kafka down");
        }, CLOCK);
        assertThat(reader.read("k", "{".getBytes(StandardCharsets.UTF_8), 0, 1, (k, v) -> { })).isFalse();
    }

    static Stream<TopicSpec<?>> keyedTopics() {
        return Topics.ALL.stream().filter(t -> KeyedRecord.class.isAssignableFrom(t.valueType()));
    }

    @Test
    void shouldCheckTheKeysOfSubscriptionsThemesAndFeedState() {
        assertThat(keyedTopics().map(TopicSpec::name))
                .containsExactlyInAnyOrder("news-subscriptions", "news-themes", "news-feed-state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedTopics")
    void shouldRefuseARecordWhoseKeyDiffersFromItsOwnId(TopicSpec<?> topic) throws IOException {
        byte[] golden = golden(topic);
        String ownKey = ((KeyedRecord) topic.decode(keyOf(topic, golden), golden)).recordKey();

        assertThatThrownBy(() -> topic.decode("someone-else", golden))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + topic.name() + "'")
                .hasMessageContaining("record key is 'someone-else'")
                .hasMessageContaining("'" + ownKey + "'");
        assertThatThrownBy(() -> topic.decode(null, golden))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("record has no key");
    }

    private static String keyOf(TopicSpec<?> topic, byte[] golden) {
        return ((KeyedRecord) topic.valueSerde().deserialize(topic.name(), golden)).recordKey();
    }

    private static byte[] golden(TopicSpec<?> topic) throws IOException {
        try (InputStream in = TopicReaderTest.class.getResourceAsStream("/golden/" + topic.name() + ".json")) {
            return in.readAllBytes();
        }
    }
}
