package org.newsmonitor.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.SubTopic;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;

class ThemeDefinitionsTest {

    @ParameterizedTest
    @EnumSource(Polarity.class)
    void shouldMapEveryWirePolarityToTheSameNameAndBack(Polarity wire) {
        org.newsmonitor.themes.Polarity library = ThemeDefinitions.fromWire(wire);
        assertThat(library.name()).isEqualTo(wire.name());
        assertThat(ThemeDefinitions.toWire(library)).isEqualTo(wire);
    }

    @Test
    void shouldCoverEveryLibraryPolarity() {
        assertThat(org.newsmonitor.themes.Polarity.values()).hasSameSizeAs(Polarity.values());
    }

    @Test
    void shouldCarryThePolarityThroughADefinitionRoundTrip() {
        ThemeSpec spec = ThemeSpec.of("border", "Border talks", "", org.newsmonitor.themes.Polarity.FRICTION,
                List.of(), 1, null, "border talks: 1", "test");
        ThemeDefinition definition = ThemeDefinitions.toDefinition(spec, org.newsmonitor.themes.Lexicon.empty(), 1, Instant.EPOCH);
        assertThat(definition.polarity()).isEqualTo(Polarity.FRICTION);
        assertThat(ThemeDefinitions.toSpec(definition).polarity()).isEqualTo(org.newsmonitor.themes.Polarity.FRICTION);
    }

    @Test
    void shouldPublishEachBundledThemeWithTheSubTopicsAndDescriptionsItsFileDeclares() {
        //Given: the theme files as they are
        for (ThemeSpec spec : ThemeFiles.bundled()) {
            //When
            ThemeDefinition definition = ThemeDefinitions.toDefinition(spec, ThemeFiles.bundledLexicon(), 1,
                    Instant.EPOCH);
            //Then: the same ids in file order, each with its one line
            assertThat(definition.subTopics()).extracting(SubTopicRef::id)
                    .containsExactlyElementsOf(spec.declaredSubTopics().stream().map(SubTopic::id).toList());
            assertThat(definition.subTopics()).extracting(SubTopicRef::description)
                    .containsExactlyElementsOf(spec.declaredSubTopics().stream().map(SubTopic::description).toList());
        }
        assertThat(ThemeFiles.bundled().stream().mapToLong(s -> s.declaredSubTopics().size()).sum()).isPositive();
    }

    @Test
    void shouldCountAChangedSubTopicDescriptionAsNewContent() {
        ThemeSpec before = spec("Pipeline gas");
        ThemeSpec after = spec("Pipeline gas and its price");
        ThemeDefinition a = ThemeDefinitions.toDefinition(before, Lexicon.empty(), 1, Instant.EPOCH);
        assertThat(ThemeDefinitions.sameContent(a, ThemeDefinitions.toDefinition(before, Lexicon.empty(), 2,
                Instant.EPOCH))).isTrue();
        assertThat(ThemeDefinitions.sameContent(a, ThemeDefinitions.toDefinition(after, Lexicon.empty(), 2,
                Instant.EPOCH))).isFalse();
    }

    private static ThemeSpec spec(String description) {
        return new ThemeSpec("gas", "Gas", "", org.newsmonitor.themes.Polarity.COOPERATION, List.of(), 1, null,
                "1 [pipeline]: gas", "test", 1, 0, 0, 0, List.of(new SubTopic("pipeline", description, 3, 5)));
    }
}
