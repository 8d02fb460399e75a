package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Rule;
import org.newsmonitor.themes.SubTopic;
import org.newsmonitor.themes.ThemeFiles;

/** The sub-topic map in docs/themes.md says what the bundled theme files say. */
class SubTopicMapDocTest {

    @Test
    void shouldListEverySubTopicWithItsDescriptionAndRuleLinesWhenReadingTheDocs() throws IOException {
        // Given
        String docs = Files.readString(Path.of("..", "docs", "themes.md"));
        List<String> expected = new ArrayList<>();
        for (CompiledTheme theme : ThemeFiles.bundledCompiled()) {
            assertThat(theme.spec().declaredSubTopics()).as(theme.id() + " declares sub-topics").isNotEmpty();
            for (SubTopic t : theme.spec().declaredSubTopics()) {
                String lines = theme.rules().stream().filter(r -> r.subTopics().contains(t.id()))
                        .map(Rule::line).map(String::valueOf).collect(Collectors.joining(", "));
                expected.add("| `" + theme.id() + "` | `" + t.id() + "` | " + t.description() + " | " + lines + " |");
            }
        }

        // Then
        assertThat(docs.lines().toList()).containsAll(expected);
    }

    @Test
    void shouldNameASubTopicOnEveryPositiveRuleOfTheBundledThemesSoThatEveryMatchNamesOne() {
        // Given
        List<String> untagged = new ArrayList<>();
        for (CompiledTheme theme : ThemeFiles.bundledCompiled()) {
            theme.rules().stream().filter(r -> r.weight() > 0 && r.subTopics().isEmpty())
                    .forEach(r -> untagged.add(theme.id() + ".yaml line " + r.line()));
        }

        // Then
        assertThat(untagged).as("positive rules without a sub-topic").isEmpty();
    }
}
