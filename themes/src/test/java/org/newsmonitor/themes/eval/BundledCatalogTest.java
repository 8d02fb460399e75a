package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;

/** The theme files shipped in the library: all listed, all valid, all tied to the seeds and to both countries. */
class BundledCatalogTest {

    private static final Path THEME_FOLDER = Path.of("src/main/resources/themes");

    private static final List<String> EXPECTED_IDS = List.of("power-of-siberia", "eeu-bri-friction", "arms-sales",
            "oil-trade", "dual-use-sanctions", "military-exercises", "finance-dedollarization", "leaders-summitry",
            "arctic-nsr", "far-east-border", "global-alignment", "tech-cooperation", "trade-investment",
            "information-control");

    @Test
    void shouldCompileEveryBundledThemeWhenLoadingTheCatalog() {
        // Given
        List<ThemeSpec> specs = ThemeFiles.bundled();
        Lexicon lexicon = ThemeFiles.bundledLexicon();

        // When
        List<String> problems = specs.stream()
                .flatMap(spec -> CompiledTheme.problems(spec, lexicon).stream())
                .map(Throwable::getMessage)
                .collect(Collectors.toList());

        // Then
        assertThat(problems).isEmpty();
        assertThat(ThemeFiles.bundledCompiled()).extracting(CompiledTheme::id)
                .containsExactlyInAnyOrderElementsOf(EXPECTED_IDS);
    }

    @Test
    void shouldListEveryThemeFileWhenReadingTheIndex() throws IOException {
        // Given
        List<String> indexed = Files.readAllLines(THEME_FOLDER.resolve("index.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());

        // When
        List<String> onDisk;
        try (Stream<Path> files = Files.list(THEME_FOLDER)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals(ThemeFiles.LEXICON_FILE))
                    .collect(Collectors.toList());
        }

        // Then
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(indexed).allSatisfy(name -> assertThat(EXPECTED_IDS).contains(name.replace(".yaml", "")));
    }

    @Test
    void shouldNameSeedsAndRequireBothSidesWhenDefiningATheme() {
        // Given
        List<ThemeSpec> specs = ThemeFiles.bundled();

        // When / Then
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.description()).as(spec.id() + " description").hasSizeGreaterThan(80);
            assertThat(spec.seeds()).as(spec.id() + " seeds").isNotEmpty()
                    .allSatisfy(seed -> {
                        assertThat(seed.file()).matches("00[0-4]_[0-9a-f]{16}\\.txt");
                        assertThat(seed.section()).isNotBlank();
                    });
            assertThat(spec.require()).as(spec.id() + " require").isNotNull()
                    .containsAnyOf("@russia", "@eaeu").containsAnyOf("@china", "@bri");
        });
    }
}
