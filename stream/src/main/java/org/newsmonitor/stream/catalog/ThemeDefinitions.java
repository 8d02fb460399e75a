package org.newsmonitor.stream.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SeedRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Seed;
import org.newsmonitor.themes.ThemeSpec;

/** Converts between the wire record of {@code news-themes} and the themes library's {@link ThemeSpec}. */
public final class ThemeDefinitions {
    private ThemeDefinitions() {
    }

    /**
     * The spec of a published theme. Its origin reads {@code news-themes/<id>} and rule lines count from 1, so
     * compile errors point at the line of the rule text.
     */
    public static ThemeSpec toSpec(ThemeDefinition definition) {
        List<Seed> seeds = definition.seeds().stream().map(s -> new Seed(s.file(), s.section())).toList();
        return new ThemeSpec(definition.id(), definition.title(), definition.description(),
                org.newsmonitor.themes.Polarity.valueOf(definition.polarity().name()), seeds, definition.minScore(),
                definition.require(), definition.rules(), Topics.THEMES.name() + "/" + definition.id(), 1);
    }

    /**
     * The wire record of a theme spec, carrying the text of the lexicon it was validated against.
     *
     * @param lexicon the lexicon the spec compiles with; its text travels in the record (none for the empty lexicon)
     */
    public static ThemeDefinition toDefinition(ThemeSpec spec, Lexicon lexicon, int revision, Instant updatedAt) {
        List<SeedRef> seeds = spec.seeds().stream().filter(s -> !s.file().isBlank())
                .map(s -> new SeedRef(s.file(), s.section())).toList();
        return new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, spec.id(), spec.title(), spec.description(),
                Polarity.valueOf(spec.polarity().name()), seeds, spec.minScore(), spec.require(), spec.rules(),
                revision, updatedAt, lexicon.text());
    }

    /** Whether two definitions say the same thing (lexicon included), ignoring revision and publication time. */
    public static boolean sameContent(ThemeDefinition a, ThemeDefinition b) {
        return a.id().equals(b.id()) && a.title().equals(b.title()) && a.description().equals(b.description())
                && a.polarity() == b.polarity() && a.seeds().equals(b.seeds()) && a.minScore() == b.minScore()
                && Objects.equals(a.require(), b.require()) && a.rules().equals(b.rules())
                && Objects.equals(a.lexicon(), b.lexicon());
    }
}
