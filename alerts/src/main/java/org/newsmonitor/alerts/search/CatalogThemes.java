package org.newsmonitor.alerts.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.matching.PublishedLexicons;
import org.newsmonitor.matching.ThemeDefinitions;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeSyntaxException;

/**
 * The theme catalog as the stream service compiles it from {@code news-themes}, for the preview to match articles
 * with: a theme that does not compile is left out (the stream service refuses it too, and reports it).
 */
public final class CatalogThemes {
    private final PublishedLexicons lexicons;
    private final Map<String, CompiledTheme> themes = new ConcurrentHashMap<>();
    private volatile Matcher matcher = Matcher.of(List.of());

    /** @param lexicon the lists of themes published without their lexicon (the stream service's fallback too) */
    public CatalogThemes(Lexicon lexicon) {
        this.lexicons = new PublishedLexicons(lexicon);
    }

    /** Applies one record of {@code news-themes} (null removes the theme). */
    public synchronized void apply(String themeId, ThemeDefinition definition) {
        if (definition == null) {
            themes.remove(themeId);
        } else {
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

    /** A matcher of the themes in force; never null. */
    public Matcher matcher() {
        return matcher;
    }
}
