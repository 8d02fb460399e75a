package org.newsmonitor.alerts.subscription;

import java.util.List;
import org.newsmonitor.contracts.event.SubTopicRef;

/** The theme ids the service knows, so that subscriptions to unknown themes are refused. */
public interface ThemeCatalog {
    /** Whether a theme with this id exists. */
    boolean contains(String themeId);

    /** Every known theme, sorted by id; never null. */
    List<ThemeInfo> all();

    /**
     * What the dashboard and API show of a theme.
     *
     * @param id       theme id
     * @param title    theme title
     * @param polarity  "COOPERATION", "FRICTION" or "MIXED"
     * @param subTopics the theme's sub-topics with their one-line descriptions, in file order; never null
     */
    record ThemeInfo(String id, String title, String polarity, List<SubTopicRef> subTopics) {
        public ThemeInfo {
            subTopics = subTopics == null ? List.of() : List.copyOf(subTopics);
        }

        /** A theme that declares no sub-topics. */
        public ThemeInfo(String id, String title, String polarity) {
            this(id, title, polarity, List.of());
        }
    }

    /** A fixed catalog, e.g. from a provided set of ids. */
    static ThemeCatalog of(List<ThemeInfo> themes) {
        List<ThemeInfo> sorted = themes.stream().sorted(java.util.Comparator.comparing(ThemeInfo::id)).toList();
        return new ThemeCatalog() {
            @Override
            public boolean contains(String themeId) {
                return sorted.stream().anyMatch(t -> t.id().equals(themeId));
            }

            @Override
            public List<ThemeInfo> all() {
                return sorted;
            }
        };
    }

    /** A catalog knowing the themes of both; {@code first} wins for a theme in both. */
    static ThemeCatalog union(ThemeCatalog first, ThemeCatalog second) {
        return new ThemeCatalog() {
            @Override
            public boolean contains(String themeId) {
                return first.contains(themeId) || second.contains(themeId);
            }

            @Override
            public List<ThemeInfo> all() {
                java.util.Map<String, ThemeInfo> byId = new java.util.TreeMap<>();
                second.all().forEach(t -> byId.put(t.id(), t));
                first.all().forEach(t -> byId.put(t.id(), t));
                return List.copyOf(byId.values());
            }
        };
    }
}
