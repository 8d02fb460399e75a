package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.ClientSettings;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The monitor against Kafka in a container (official apache/kafka image) instead of the embedded broker.
 * Runs only where a Docker engine is available; skipped cleanly elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

    @TempDir
    Path dataDir;

    @Test
    void shouldStartEveryServiceAgainstAnExternalCluster() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PipelineSettings settings = new PipelineSettings(ClientSettings.of(KAFKA.getBootstrapServers()), dataDir,
                "127.0.0.1", 0, (short) 1, 0, "127.0.0.1", 0, Map.of("it", "container-key-1"), null, false, false,
                null, List.of());
        try (Pipeline pipeline = Pipeline.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            assertThat(pipeline.httpPort()).isPositive();
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Kafka: cluster at " + KAFKA.getBootstrapServers())
                .contains("Themes: 14 published");
    }
}
