package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeEvalCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldReportBadLinesAndStillScoreTheRestWhenAFileHasErrors() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("set.jsonl"), String.join("\n",
                "{\"id\":\"1\",\"title\":\"Power of Siberia flows to China hit record\",\"summary\":\"Gazprom said"
                        + " deliveries to CNPC rose.\",\"labels\":[\"power-of-siberia\"]}",
                "{\"id\":\"2\",\"title\":\"broken",
                "{\"id\":\"3\",\"title\":\"t\",\"summary\":\"s\",\"labels\":[\"gas-for-mars\"]}"));
        ThemeEvalCommand command = command(file);

        // When
        int exit = command.run(print(out), print(err));

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(text(err)).contains(file + ":2: not valid JSON")
                .contains(file + ":3: article '3': unknown theme label \"gas-for-mars\"");
        assertThat(text(out)).contains("(1 articles)").containsPattern("power-of-siberia +1 +0 +0 +1.000");
    }

    @Test
    void shouldExitNonZeroWhenAThemeIsBelowItsThreshold() throws Exception {
        // Given: the article is about Russian gas for China, but the label says arms sales
        Path file = Files.writeString(dir.resolve("set.jsonl"),
                "{\"id\":\"1\",\"title\":\"Power of Siberia flows to China hit record\",\"summary\":\"Gazprom said"
                        + " deliveries to CNPC rose.\",\"labels\":[\"arms-sales\"]}\n");
        ThemeEvalCommand strict = command(file);
        strict.minRecall = List.of("arms-sales=0.5");
        ThemeEvalCommand lenient = command(file);
        lenient.minRecall = List.of("oil-trade=0.5");

        // Then
        assertThat(strict.run(print(out), print(err))).isEqualTo(1);
        assertThat(text(out)).contains("BELOW THRESHOLD arms-sales: recall 0.000 is below 0.500")
                .contains("FN arms-sales 1").contains("FP power-of-siberia 1");
        assertThat(lenient.run(print(new ByteArrayOutputStream()), print(err))).isZero();
    }

    private static ThemeEvalCommand command(Path file) {
        ThemeEvalCommand command = new ThemeEvalCommand();
        command.files = List.of(file);
        return command;
    }

    private static PrintStream print(ByteArrayOutputStream to) {
        return new PrintStream(to, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream from) {
        return from.toString(StandardCharsets.UTF_8);
    }
}
