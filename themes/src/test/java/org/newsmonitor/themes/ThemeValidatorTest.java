package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeValidatorTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private record Result(int code, String out, String err) {
    }

    private static Result validate(Path... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ThemeValidator.validate(List.of(files), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintOkWithRuleCountsAndExitZeroWhenFilesAreValid() {
        //Given
        Path dir = FIXTURES.resolve("valid");
        //When
        Result r = validate(dir);
        //Then
        assertThat(r.code()).isEqualTo(ThemeValidator.OK);
        assertThat(r.out().lines()).containsExactly(
                "ok " + dir.resolve("lexicon.yaml") + " (2 lists)",
                "ok " + dir.resolve("border-trade.yaml") + " (2 rules)",
                "ok " + dir.resolve("gas-for-china.yaml") + " (3 rules)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void shouldPrintErrorLinesAndExitOneWhenAFileIsBroken() {
        //Given
        Path good = FIXTURES.resolve("valid/border-trade.yaml");
        Path bad = FIXTURES.resolve("broken/bad-polarity.yaml");
        //When
        Result r = validate(good, bad);
        //Then
        assertThat(r.code()).isEqualTo(ThemeValidator.INVALID);
        assertThat(r.out().lines()).containsExactly("ok " + good + " (2 rules)");
        assertThat(r.err().lines()).containsExactly(bad
                + ":3:11: theme 'bad-polarity': unknown polarity 'hostile' (use cooperation, friction or mixed)");
    }

    @Test
    void shouldReportEveryProblemOfAFileWhenSeveralRulesAreBroken() {
        //Given
        Path dir = FIXTURES.resolve("broken");
        //When
        Result r = validate(dir);
        //Then
        assertThat(r.code()).isEqualTo(ThemeValidator.INVALID);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(6).allSatisfy(l -> assertThat(l).startsWith(dir.toString()));
    }

    @Test
    void shouldExitTwoWhenNoFilesAreGivenAndOneWhenAFileIsMissing() {
        //Given //When
        Result none = validate();
        Result missing = validate(FIXTURES.resolve("nope.yaml"));
        //Then
        assertThat(none.code()).isEqualTo(ThemeValidator.USAGE);
        assertThat(missing.code()).isEqualTo(ThemeValidator.INVALID);
        assertThat(missing.err()).contains("nope.yaml: no such file or directory");
    }

    @Test
    void shouldAcceptTheBundledCatalogWhenValidatingItsDirectory() {
        //Given
        Path dir = Path.of("src/main/resources/themes");
        //When
        Result r = validate(dir);
        //Then
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(ThemeValidator.OK);
        assertThat(r.out().lines()).hasSize(15);
    }
}
