package org.newsmonitor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.stream.dlq.DeadLetterDeserializationHandler;
import org.newsmonitor.stream.dlq.DeadLetterProcessingHandler;

class StreamConfigTest {
    private static final Path STATE = Path.of("data", "stream");

    @Test
    void shouldRunExactlyOnceWithShortCommitsAndDeadLetterHandlersWhenDefaultsAreUsed() {
        //Given
        StreamConfig config = StreamConfig.of(ClientSettings.of("broker:9092"), STATE);
        //When
        var props = config.toStreamsProperties();
        //Then
        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "news-monitor-stream")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProcessingHandler.class.getName())
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, STATE.toAbsolutePath().toString());
        assertThat(props).doesNotContainKeys(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG,
                StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);
        new StreamsConfig(props);
    }

    @Test
    void shouldLetPassThroughClientSettingsWinWhenTheyOverrideADefault() {
        //Given
        var client = new ClientSettings("broker:9093", Map.of("security.protocol", "SSL", "commit.interval.ms", "250"));
        //When
        var props = StreamConfig.of(client, STATE).toStreamsProperties();
        //Then
        assertThat(props).containsEntry("security.protocol", "SSL").containsEntry("commit.interval.ms", "250");
    }

    @Test
    void shouldReadEnvironmentAndNameTheVariableWhenAValueIsWrong() {
        //Given
        var client = ClientSettings.of("broker:9092");
        //When
        StreamConfig config = StreamConfig.fromEnv(Map.of("STREAM_THREADS", "3", "STREAM_REPLICATION_FACTOR", "3",
                "STREAM_COMMIT_INTERVAL_MS", "200"), client, STATE);
        //Then
        assertThat(config.numStreamThreads()).isEqualTo(3);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> StreamConfig.fromEnv(Map.of("STREAM_THREADS", "many"), client, STATE))
                .hasMessage("STREAM_THREADS must be an integer, was 'many'");
        assertThatThrownBy(() -> StreamConfig.fromEnv(Map.of("STREAM_PROCESSING_GUARANTEE", "exactly_once"), client,
                STATE)).hasMessage("processingGuarantee must be 'exactly_once_v2' or 'at_least_once', was 'exactly_once'");
    }
}
