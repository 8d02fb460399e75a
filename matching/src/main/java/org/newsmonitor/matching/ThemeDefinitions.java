package org.newsmonitor.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SeedRef;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Seed;
import org.newsmonitor.themes.ThemeSpec;

/**
 * Converts between the wire records and the themes library: {@code news-themes} definitions and {@link ThemeSpec}s,
 * and the two polarity enums. The wire's {@link Polarity} (contracts) is the one written to topics; the themes
 * library keeps its own so that it stays free of Kafka, and this class is the only place that maps between them.
 */
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
                fromWire(definition.polarity()), seeds, definition.minScore(),
                definition.require(), definition.rules(), Topics.THEMES.name() + "/" + definition.id(), 1);
    }

    /**
     * The wire record of a theme spec, carrying the text of the lexicon it was validated against and the sub-topics
     * the spec declares, with their descriptions.
     *
     * @param lexicon the lexicon the spec compiles with; its text travels in the record (none for the empty lexicon)
     */
    public static ThemeDefinition toDefinition(ThemeSpec spec, Lexicon lexicon, int revision, Instant updatedAt) {
        List<SeedRef> seeds = spec.seeds().stream().filter(s -> !s.file().isBlank())
                .map(s -> new SeedRef(s.file(), s.section())).toList();
        return new ThemeDefinition(ThemeDefinition.CURRENT_VERSION, spec.id(), spec.title(), spec.description(),
                toWire(spec.polarity()), seeds, spec.minScore(), spec.require(), spec.rules(),
                revision, updatedAt, lexicon.text(), subTopics(spec));
    }

    /** The declared sub-topics of a spec as the wire carries them, in declaration order. */
    public static List<SubTopicRef> subTopics(ThemeSpec spec) {
        return spec.declaredSubTopics().stream().filter(t -> !t.id().isBlank())
                .map(t -> new SubTopicRef(t.id(), t.description())).toList();
    }

    /** The wire polarity of a theme library polarity. */
    public static Polarity toWire(org.newsmonitor.themes.Polarity polarity) {
        return switch (polarity) {
            case COOPERATION -> Polarity.COOPERATION;
            case FRICTION -> Polarity.FRICTION;
            case MIXED -> Polarity.MIXED;
        };
    }

    /** The theme library polarity of a wire polarity. */
    public static org.newsmonitor.themes.Polarity fromWire(Polarity polarity) {
        return switch (polarity) {
            case COOPERATION -> org.newsmonitor.themes.Polarity.COOPERATION;
            case FRICTION -> org.newsmonitor.themes.Polarity.FRICTION;
            case MIXED -> org.newsmonitor.themes.Polarity.MIXED;
        };
    }

    /**
     * Whether two definitions say the same thing (lexicon and sub-topic descriptions included), ignoring revision and
     * publication time.
     */
    public static boolean sameContent(ThemeDefinition a, ThemeDefinition b) {
        return a.id().equals(b.id()) && a.title().equals(b.title()) && a.description().equals(b.description())
                && a.polarity() == b.polarity() && a.seeds().equals(b.seeds()) && a.minScore() == b.minScore()
                && Objects.equals(a.require(), b.require()) && a.rules().equals(b.rules())
                && Objects.equals(a.lexicon(), b.lexicon()) && a.subTopics().equals(b.subTopics());
    }
}
