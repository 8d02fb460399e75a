package org.newsmonitor.stream;

import java.util.List;

/**
 * What {@link ThemePublisher} did.
 *
 * @param published ids of themes published now (new or changed); never null
 * @param unchanged ids of themes whose published version already says the same; never null
 * @param refused   one message per refused file or theme, {@code file:line:column: theme 'id': problem}; never null
 */
public record PublishReport(List<String> published, List<String> unchanged, List<String> refused) {
    public PublishReport {
        published = List.copyOf(published);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** Whether every theme offered was valid. */
    public boolean allValid() {
        return refused.isEmpty();
    }
}
