package org.newsmonitor.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.ThemeDefinition;
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
}
