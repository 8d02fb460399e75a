package org.newsmonitor.themes;

/**
 * A sub-topic of a theme: one kind of story an analyst files under it, caught by the rule lines tagged with its id
 * ({@code 5 [bank-payments]: ...}).
 *
 * @param id          kebab-case id, unique within the theme, e.g. "bank-payments"
 * @param description one line saying what the sub-topic covers; may be empty
 * @param line        line of the entry in the theme file (0 when unknown)
 * @param column      column of the entry in the theme file (0 when unknown)
 */
public record SubTopic(String id, String description, int line, int column) {
    public SubTopic {
        id = id == null ? "" : id.strip();
        description = description == null ? "" : description.strip();
    }
}
