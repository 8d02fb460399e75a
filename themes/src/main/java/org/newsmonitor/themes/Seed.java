package org.newsmonitor.themes;

/**
 * A seed document that motivates a theme.
 *
 * @param file    seed file name, e.g. "001_ac98ed4166398c96.txt"
 * @param section short pointer to the relevant section, in our words; may be empty
 */
public record Seed(String file, String section) {
    public Seed {
        file = file == null ? "" : file.strip();
        section = section == null ? "" : section.strip();
    }
}
