package org.newsmonitor.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A theme as published on the compacted {@code news-themes} topic (key: {@link #id()}; a tombstone removes it).
 * The rules travel as source text in the theme rule language so that analysts' edits round-trip unchanged;
 * the stream application compiles them and keeps the previous version when they do not compile.
 *
 * @param schemaVersion version of this record's shape
 * @param id            kebab-case theme id, e.g. "power-of-siberia"
 * @param title         short human title
 * @param description   what the theme covers, in our words
 * @param polarity      cooperation, friction or mixed
 * @param seeds         seed documents and sections that motivate the theme; never null
 * @param minScore      a match needs at least this total rule weight
 * @param require       rule expression that must also hold, e.g. "@russia AND @china"; may be null
 * @param rules         the match rules, one "WEIGHT: EXPRESSION" per line, in the rule language of docs/themes.md
 * @param revision      increases with every edit; informative only
 * @param updatedAt     when this version was published; may be null
 * @param lexicon       the lexicon (lexicon.yaml text) the theme was validated against and is compiled with, so that
 *                      its {@code @list} references mean the same offline and live; null on records written before
 *                      it was carried, which are compiled with the lexicon bundled with the stream application
 * @param subTopics     the sub-topics the theme file declares, with their one-line descriptions, in file order; never
 *                      null, empty for a theme that declares none and on records written before they were carried
 *                      (an additive field: omitted when empty)
 */
public record ThemeDefinition(
        int schemaVersion,
        String id,
        String title,
        String description,
        Polarity polarity,
        List<SeedRef> seeds,
        double minScore,
        String require,
        String rules,
        int revision,
        Instant updatedAt,
        String lexicon,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubTopicRef> subTopics) implements KeyedRecord {

    public static final int CURRENT_VERSION = 1;

    public ThemeDefinition {
        String r = "ThemeDefinition";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        id = Checks.nonBlank(r, "id", id);
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidRecordException(r, "id", "must be kebab-case (a-z, 0-9, '-'), was '" + id + "'");
        }
        title = Checks.nonBlank(r, "title", title);
        description = description == null ? "" : description.strip();
        Checks.present(r, "polarity", polarity);
        seeds = Checks.list(seeds);
        Checks.within(r, "minScore", minScore, 0, Double.MAX_VALUE);
        require = Checks.optional(require);
        rules = Checks.nonBlank(r, "rules", rules);
        lexicon = lexicon == null || lexicon.isBlank() ? null : lexicon;
        subTopics = Checks.list(subTopics);
    }

    /** A definition that declares no sub-topics. */
    public ThemeDefinition(int schemaVersion, String id, String title, String description, Polarity polarity,
            List<SeedRef> seeds, double minScore, String require, String rules, int revision, Instant updatedAt,
            String lexicon) {
        this(schemaVersion, id, title, description, polarity, seeds, minScore, require, rules, revision, updatedAt,
                lexicon, List.of());
    }

    /** A definition without its own lexicon: it is compiled with the lexicon bundled with the stream application. */
    public ThemeDefinition(int schemaVersion, String id, String title, String description, Polarity polarity,
            List<SeedRef> seeds, double minScore, String require, String rules, int revision, Instant updatedAt) {
        this(schemaVersion, id, title, description, polarity, seeds, minScore, require, rules, revision, updatedAt,
                null);
    }

    /** The key of a theme record: its {@link #id()}. */
    @Override
    public String recordKey() {
        return id;
    }
}
