package org.newsmonitor.stream.catalog;

import java.util.List;
import org.newsmonitor.themes.CompiledTheme;

/**
 * The themes in force at one moment. The generation increases with every change, so a processor rebuilds its
 * matcher only when the set changed.
 *
 * @param generation increases with every change of the set
 * @param themes     the compiled themes in force, ordered by id; never null
 */
public record ThemeCatalogSnapshot(long generation, List<CompiledTheme> themes) {
    /** No themes yet. */
    public static final ThemeCatalogSnapshot EMPTY = new ThemeCatalogSnapshot(0, List.of());

    public ThemeCatalogSnapshot {
        themes = List.copyOf(themes);
    }
}
