package org.newsmonitor.contracts.event;

/**
 * A sub-topic of a theme as published with it on {@code news-themes}: the id its rule lines are tagged with and the
 * one line saying what it covers, so that readers of matches (which name sub-topics by id) can explain them.
 *
 * @param id          kebab-case id, unique within the theme, e.g. "bank-payments"; never blank
 * @param description what the sub-topic covers, in one line; empty when the theme file gives none
 */
public record SubTopicRef(String id, String description) {
    public SubTopicRef {
        id = Checks.nonBlank("SubTopicRef", "id", id);
        description = description == null ? "" : description.strip();
    }
}
