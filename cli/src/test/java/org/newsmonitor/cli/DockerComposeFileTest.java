package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compose file must be valid for docker-compose even though no Docker engine runs here. */
class DockerComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void shouldBeAValidComposeFileWithTheBrokersAndEveryService() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        // When docker-compose checks the file and lists its services
        Result check = run("docker-compose", "-f", COMPOSE.toString(), "config", "-q");
        Result services = run("docker-compose", "-f", COMPOSE.toString(), "config", "--services");
        // Then it is valid and runs three brokers, ingest, two stream instances and alerts
        assertThat(check.exit).as(check.output).isZero();
        assertThat(services.output.lines().map(String::strip).toList())
                .containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "ingest", "stream-1", "stream-2", "alerts");
    }

    @Test
    void shouldBuildTheServicesFromTheRepositoryDockerfileWithTheOfficialKafkaImage() throws IOException {
        String compose = Files.readString(COMPOSE, StandardCharsets.UTF_8);
        assertThat(compose).contains("image: apache/kafka:").contains("build: .");
        assertThat(Path.of("..", "Dockerfile")).exists();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        return new Result(p.exitValue(), out);
    }
}
