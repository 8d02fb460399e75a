package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorMainTest {
    @TempDir
    Path dir;

    @Test
    void shouldListEveryCommandInHelp() {
        Result r = execute("--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("run", "ingest", "stream", "alerts", "replay", "match", "themes");
    }

    @Test
    void shouldExitNonZeroWithOneLineNamingAnUnwritableDataDirectory() throws Exception {
        // Given a data directory path that is a file
        Path notADir = Files.writeString(dir.resolve("occupied"), "x");
        // When run is started on it
        Result r = execute("run", "--data-dir", notADir.toString(), "--kafka-port", "0", "--no-live-feeds", "--no-samples");
        // Then it stops with status 1 and a line that says what and where, without a stack trace
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines().findFirst().orElse("")).startsWith("monitor run: ").contains("occupied");
        assertThat(r.err).doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseAThemeFileWithTheLineAndColumnOfTheError() throws Exception {
        Path theme = Files.writeString(dir.resolve("broken.yaml"), """
                id: broken
                title: Broken
                polarity: cooperation
                minScore: 1
                rules: |
                  2: (gas OR oil
                """);
        Result r = execute("themes", "validate", theme.toString());
        assertThat(r.exit).isNotZero();
    }

    @Test
    void shouldTurnKafkaClientEnvironmentVariablesIntoClientProperties() {
        assertThat(KafkaOptions.fromEnvironment(Map.of("KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512", "HOME", "/root")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void shouldDescribeNestedCausesOnOneLine() {
        var e = new IllegalStateException("Cannot start", new java.io.IOException("disk full"));
        assertThat(OneLineErrors.describe(e)).isEqualTo("Cannot start: disk full");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MonitorMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
