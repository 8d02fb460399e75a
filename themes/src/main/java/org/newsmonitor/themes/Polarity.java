package org.newsmonitor.themes;

import java.util.Locale;
import java.util.Optional;

/** Whether a theme tracks cooperation between Russia and China, friction, or both. */
public enum Polarity {
    COOPERATION, FRICTION, MIXED;

    /** The polarity written in a theme file ("cooperation", "friction", "mixed", any case); empty when unknown. */
    public static Optional<Polarity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Polarity p : values()) {
            if (p.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The lower-case spelling used in theme files. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
