package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsmonitor.contracts.json.Json;

/** Every topic has a golden example that round-trips through its serde and validates against its JSON Schema. */
class GoldenRecordsTest {
    static final Path SCHEMAS = Path.of("..", "docs", "schemas");

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldRoundTripGoldenExampleAndValidateAgainstSchema(TopicSpec<?> topic) throws IOException {
        // Given the golden example of the topic
        byte[] golden = golden(topic);
        // When it is read with the topic's serde and written again
        Object record = topic.valueSerde().deserialize(topic.name(), golden);
        byte[] written = serialize(topic, record);
        // Then nothing was lost or changed, and both texts satisfy the schema
        assertThat(Json.mapper().readTree(written)).isEqualTo(Json.mapper().readTree(golden));
        JsonSchema schema = schema(topic);
        assertThat(schema.validate(Json.mapper().readTree(golden))).isEmpty();
        assertThat(schema.validate(Json.mapper().readTree(written))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldHaveASchemaThatRejectsARecordWithoutItsRequiredFields(TopicSpec<?> topic) throws IOException {
        JsonNode empty = Json.mapper().readTree("{\"schemaVersion\": 1}");
        Set<ValidationMessage> errors = schema(topic).validate(empty);
        assertThat(errors).isNotEmpty();
    }

    @Test
    void shouldDefineASchemaFileForEveryTopicAndNoOthers() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::schemaFile).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> byte[] serialize(TopicSpec<V> topic, Object record) {
        return topic.valueSerde().serialize(topic.name(), (V) record);
    }

    static byte[] golden(TopicSpec<?> topic) throws IOException {
        try (InputStream in = GoldenRecordsTest.class.getResourceAsStream("/golden/" + topic.name() + ".json")) {
            assertThat(in).as("golden example for " + topic.name()).isNotNull();
            return in.readAllBytes();
        }
    }

    static JsonSchema schema(TopicSpec<?> topic) throws IOException {
        String text = Files.readString(SCHEMAS.resolve(topic.schemaFile()), StandardCharsets.UTF_8);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }
}
