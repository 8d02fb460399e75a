package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsmonitor.contracts.TopicSpec;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.json.Json;

/**
 * A client that is not Java reads and writes our topics: Debian's kcat (librdkafka) produces an article into the
 * monitor running on the embedded broker and consumes the theme matches and alerts it caused; every value it reads
 * satisfies the topic's JSON Schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KcatInteropIT {
    private static final Path KCAT = Path.of("/usr/bin/kcat");
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ARTICLE_ID = "kcat-interop-pos2-" + System.nanoTime();

    @TempDir
    static Path dataDir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Pipeline pipeline;

    @BeforeAll
    void startMonitor() {
        assumeTrue(Files.isExecutable(KCAT), "kcat is not installed at " + KCAT);
        PipelineSettings settings = new PipelineSettings(null, dataDir.resolve("data"), "127.0.0.1", 0, (short) 0, 0,
                "127.0.0.1", 0, Map.of("k", "key-12345678"), null, false, false, null, List.of());
        pipeline = Pipeline.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldMatchAndAlertOnAnArticleProducedByKcatAndServeSchemaValidRecordsToKcat() throws Exception {
        // Given an article written by kcat into the articles topic, keyed by its id
        String article = articleJson();
        assertThat(schema(Topics.ARTICLES).validate(Json.mapper().readTree(article))).isEmpty();
        KcatResult produced = kcat(ARTICLE_ID + "|" + article + "\n", "-P", "-t", Topics.ARTICLES.name(), "-K", "|");
        assertThat(produced.exitCode()).as("kcat producer: " + produced.stderr()).isZero();

        // When kcat reads the theme matches and the alerts back
        List<JsonNode> matches = awaitRecordsAbout(Topics.THEME_MATCHES);
        List<JsonNode> alerts = awaitRecordsAbout(Topics.ALERTS);

        // Then the story matched the Power of Siberia theme and the default subscription alerted on it
        assertThat(matches).extracting(m -> m.path("themeId").asText()).contains("power-of-siberia");
        assertThat(alerts).extracting(a -> a.path("themeId").asText()).contains("power-of-siberia");
        assertThat(alerts).extracting(a -> a.path("subscriptionId").asText()).contains("default");
        // and every value kcat read satisfies its topic's schema
        assertSchemaValid(Topics.THEME_MATCHES);
        assertSchemaValid(Topics.ALERTS);
    }

    private List<JsonNode> awaitRecordsAbout(TopicSpec<?> topic) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> values = List.of();
        while (System.nanoTime() < deadline) {
            values = consumeAll(topic);
            List<JsonNode> ours = values.stream().filter(v -> ARTICLE_ID.equals(v.path("articleId").asText())).toList();
            if (!ours.isEmpty()) {
                return ours;
            }
        }
        throw new AssertionError("kcat saw no " + topic.name() + " record for " + ARTICLE_ID + " within " + WAIT
                + "; saw " + values.size() + " records; console:\n" + console.toString(StandardCharsets.UTF_8));
    }

    private void assertSchemaValid(TopicSpec<?> topic) throws Exception {
        JsonSchema schema = schema(topic);
        List<JsonNode> values = consumeAll(topic);
        assertThat(values).as(topic.name() + " records read by kcat").isNotEmpty();
        for (JsonNode value : values) {
            assertThat(schema.validate(value)).as(topic.name() + " value " + value).isEmpty();
        }
    }

    /** Reads a topic from the beginning to its end with kcat, committed records only, one JSON value per record. */
    private List<JsonNode> consumeAll(TopicSpec<?> topic) throws Exception {
        KcatResult result = kcat("", "-C", "-t", topic.name(), "-o", "beginning", "-e", "-q", "-J",
                "-X", "isolation.level=read_committed");
        assertThat(result.exitCode()).as("kcat consumer of " + topic.name() + ": " + result.stderr()).isZero();
        List<JsonNode> values = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                JsonNode envelope = Json.mapper().readTree(line);
                values.add(Json.mapper().readTree(envelope.path("payload").asText()));
            }
        }
        return values;
    }

    private KcatResult kcat(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KCAT.toString(), "-b", pipeline.kafka().bootstrapServers()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dataDir, "kcat", ".out");
        Path err = Files.createTempFile(dataDir, "kcat", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kcat did not finish within 60 s: " + command);
        }
        return new KcatResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static JsonSchema schema(TopicSpec<?> topic) throws IOException {
        String text = Files.readString(SCHEMAS.resolve(topic.schemaFile()), StandardCharsets.UTF_8);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    private static String articleJson() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArticleEvent article = ArticleEvent.of(ARTICLE_ID, "kcat-desk", "Pipeline desk",
                "https://pipeline-desk.example/" + ARTICLE_ID,
                "Gazprom and CNPC close in on Power of Siberia 2 supply terms",
                "Negotiators from Moscow and Beijing met again on the route of the Power of Siberia 2 gas pipeline.",
                "Gazprom and CNPC spent two days on volumes and the price formula for gas through the Power of "
                        + "Siberia 2 pipeline, which would cross Mongolia. Officials in both capitals said the "
                        + "remaining questions were technical.",
                "en", now, now, List.of("energy"));
        return Json.mapper().writeValueAsString(article);
    }

    private record KcatResult(int exitCode, String stdout, String stderr) {
    }
}
