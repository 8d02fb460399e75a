package org.newsmonitor.alerts.view;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.newsmonitor.alerts.subscription.ThemeCatalog;
import org.newsmonitor.contracts.event.ThemeDefinition;

/** The theme catalog as materialised from the compacted themes topic. */
public final class ThemesView implements ThemeCatalog {
    private final ConcurrentMap<String, ThemeInfo> themes = new ConcurrentHashMap<>();

    /** Applies one record of the themes topic (null = theme removed). */
    public void apply(String id, ThemeDefinition theme) {
        if (id == null) {
            return;
        }
        if (theme == null) {
            themes.remove(id);
        } else {
            themes.put(id, new ThemeInfo(theme.id(), theme.title(), theme.polarity().name(),
                    theme.subTopics()));
        }
    }

    @Override
    public boolean contains(String themeId) {
        return themes.containsKey(themeId);
    }

    @Override
    public List<ThemeInfo> all() {
        return themes.values().stream().sorted(Comparator.comparing(ThemeInfo::id)).toList();
    }
}
