package org.newsmonitor.matching;

import java.util.LinkedHashMap;
import java.util.Map;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ThemeDefinition;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.ThemeSyntaxException;

/**
 * The lexicon each published theme compiles with: the one it carries, or the fallback for records that carry none.
 * The themes of one publication share one lexicon text, so the last few parsed lexicons are kept and each text is
 * parsed once. Not thread-safe: each user (the catalog store's writer, the alerts service's preview catalog) keeps
 * its own and calls it from one thread at a time.
 */
public final class PublishedLexicons {
    private static final int KEPT = 4;

    private final Lexicon fallback;
    private final Map<String, Lexicon> parsed = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lexicon> eldest) {
            return size() > KEPT;
        }
    };

    /** @param fallback the lexicon for records written without one */
    public PublishedLexicons(Lexicon fallback) {
        this.fallback = fallback;
    }

    /**
     * The lexicon of {@code definition}.
     *
     * @throws ThemeSyntaxException when the carried lexicon does not parse; the message names its line and column
     */
    public Lexicon forDefinition(ThemeDefinition definition) throws ThemeSyntaxException {
        String text = definition.lexicon();
        if (text == null) {
            return fallback;
        }
        Lexicon known = parsed.get(text);
        if (known == null) {
            known = Lexicon.parse(text, "the lexicon published on " + Topics.THEMES.name());
            parsed.put(text, known);
        }
        return known;
    }
}
