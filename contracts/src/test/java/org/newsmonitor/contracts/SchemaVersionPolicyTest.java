package org.newsmonitor.contracts;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.contracts.json.Json;

/**
 * The {@code schemaVersion} policy of docs/topics.md ("Evolution policy"): the version is a shape's major version, an
 * added optional field keeps it, readers take every version from 1 up to theirs, ignore fields they do not know and
 * refuse a higher version; code and JSON Schemas give the same version.
 */
class SchemaVersionPolicyTest {
    /**
     * Every record type's version today. Adding an optional field must not change this table; only a breaking change
     * does, and that goes to a new topic.
     */
    private static final Map<Class<?>, Integer> VERSIONS = Map.ofEntries(
            entry(ArticleEvent.class, 1),
            entry(ThemeDefinition.class, 1),
            entry(SubscriptionEvent.class, 1),
            entry(FeedStateEvent.class, 1),
            entry(ThemeStatsEvent.class, 1),
            entry(DeliveryEvent.class, 1),
            entry(DeadLetterEvent.class, 1),
            // 2 from before the policy, when added fields still raised the version; 1 and 2 are the same shape
            entry(ThemeMatchEvent.class, 2),
            entry(AlertEvent.class, 2),
            entry(SurgeEvent.class, 2));

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream();
    }

    private static int currentVersion(TopicSpec<?> topic) throws ReflectiveOperationException {
        return topic.valueType().getField("CURRENT_VERSION").getInt(null);
    }

    private static ObjectNode golden(TopicSpec<?> topic) throws IOException {
        return (ObjectNode) Json.mapper().readTree(GoldenRecordsTest.golden(topic));
    }

    private static Object read(TopicSpec<?> topic, JsonNode value) throws IOException {
        return topic.valueSerde().deserialize(topic.name(), Json.mapper().writeValueAsBytes(value));
    }

    @Test
    void shouldPinTheVersionOfEveryRecordTypeOfEveryTopic() {
        assertThat(Topics.ALL.stream().map(TopicSpec::valueType).distinct()).allMatch(VERSIONS::containsKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldGiveTheSameCurrentVersionInCodeAndInTheJsonSchema(TopicSpec<?> topic) throws Exception {
        int current = currentVersion(topic);
        assertThat(current).as("%s.CURRENT_VERSION", topic.valueType().getSimpleName())
                .isEqualTo(VERSIONS.get(topic.valueType()));
        JsonNode property = Json.mapper().readTree(java.nio.file.Files.readString(
                GoldenRecordsTest.SCHEMAS.resolve(topic.schemaFile()))).path("properties").path("schemaVersion");
        assertThat(property.path("minimum").asInt()).as("%s: schemaVersion minimum", topic.schemaFile()).isEqualTo(1);
        assertThat(property.path("maximum").asInt()).as("%s: schemaVersion maximum", topic.schemaFile())
                .isEqualTo(current);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldReadARecordOfTheCurrentVersionThatCarriesFieldsAddedLater(TopicSpec<?> topic) throws Exception {
        // Given a valid record of the current version, and the same record as a later writer would add fields to it
        ObjectNode plain = golden(topic).put("schemaVersion", currentVersion(topic));
        ObjectNode extended = plain.deepCopy();
        extended.put("addedLaterText", "a field this reader does not know");
        extended.putObject("addedLaterObject").put("nested", 1).putArray("list").add("x");
        extended.putArray("addedLaterList").add(1).add(2);
        // When both are read
        Object read = read(topic, extended);
        // Then the added fields are ignored: the same record, at the same version, valid against the schema
        assertThat(read).isEqualTo(read(topic, plain));
        assertThat(topic.valueType().getMethod("schemaVersion").invoke(read)).isEqualTo(currentVersion(topic));
        assertThat(GoldenRecordsTest.schema(topic).validate(extended)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldReadEveryVersionUpToTheCurrentOneAndRefuseAHigherOneByName(TopicSpec<?> topic) throws Exception {
        int current = currentVersion(topic);
        for (int version = 1; version <= current; version++) {
            Object read = read(topic, golden(topic).put("schemaVersion", version));
            assertThat(topic.valueType().getMethod("schemaVersion").invoke(read)).isEqualTo(version);
        }
        ObjectNode newer = golden(topic).put("schemaVersion", current + 1);
        assertThatThrownBy(() -> read(topic, newer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + topic.name() + "'")
                .hasMessageContaining(topic.valueType().getSimpleName() + ".schemaVersion is " + (current + 1)
                        + " but this reader understands up to " + current);
        assertThat(GoldenRecordsTest.schema(topic).validate(newer)).isNotEmpty();
    }
}
