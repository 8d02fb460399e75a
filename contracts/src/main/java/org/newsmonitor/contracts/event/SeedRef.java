package org.newsmonitor.contracts.event;

/**
 * Where in the seed analysis documents a theme comes from.
 *
 * @param file    seed file name, e.g. "001_ac98ed4166398c96.txt"
 * @param section section or passage that motivates the theme, in our words
 */
public record SeedRef(String file, String section) {
    public SeedRef {
        file = Checks.nonBlank("SeedRef", "file", file);
        section = section == null ? "" : section.strip();
    }
}
