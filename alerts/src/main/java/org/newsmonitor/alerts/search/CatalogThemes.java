package org.newsmonitor.alerts.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsmonitor.contracts.event.SubTopicRef;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.matching.PublishedLexicons;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeSyntaxException;

/**
 * The theme catalog as the stream service compiles it from {@code news-themes}, for the preview to match articles
 * with: a theme that does not compile is left out (the stream service refuses it too, and reports it). It also keeps
 * what each published theme says its sub-topics cover, for the story view and the search results.
 */
public final class CatalogThemes {
    private final PublishedLexicons lexicons;
    private final Map<String, CompiledTheme> themes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> subTopicDescriptions = new ConcurrentHashMap<>();
    private volatile Matcher matcher = Matcher.of(List.of());

    /** @param lexicon the lists of themes published without their lexicon (the stream service's fallback too) */
    public CatalogThemes(Lexicon lexicon) {
        this.lexicons = new PublishedLexicons(lexicon);
    }

    /** Applies one record of {@code news-themes} (null removes the theme). */
    public synchronized void apply(String themeId, ThemeDefinition definition) {
        if (definition == null) {
            themes.remove(themeId);
            subTopicDescriptions.remove(themeId);
        } else {
            Map<String, String> described = new LinkedHashMap<>();
            for (SubTopicRef t : definition.subTopics()) {
                described.put(t.id(), t.description());
            }
            subTopicDescriptions.put(themeId, java.util.Collections.unmodifiableMap(described));
            try {
                themes.put(themeId, CompiledTheme.compile(ThemeDefinitions.toSpec(definition),
                        lexicons.forDefinition(definition)));
            } catch (ThemeSyntaxException | RuntimeException e) {
                themes.remove(themeId);
            }
        }
        matcher = Matcher.of(themes.values().stream().sorted(java.util.Comparator.comparing(CompiledTheme::id))
                .toList());
    }

    /**
     * The sub-topics {@code ids} of a theme with what each covers, in the order given; a sub-topic the published
     * theme does not describe (an older record, or a theme no longer in force) has an empty description.
     *
     * @return never null
     */
    public List<SubTopicRef> describe(String themeId, List<String> ids) {
        Map<String, String> described = subTopicDescriptions.getOrDefault(themeId, Map.of());
        return ids.stream().map(id -> new SubTopicRef(id, described.getOrDefault(id, ""))).toList();
    }

    /** A matcher of the themes in force; never null. */
    public Matcher matcher() {
        return matcher;
    }
}
