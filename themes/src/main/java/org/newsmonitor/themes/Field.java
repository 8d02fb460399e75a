package org.newsmonitor.themes;

/** The three text fields of an article, in the order they are tokenized. */
enum Field {
    TITLE("title"), SUMMARY("summary"), CONTENT("content");

    private static final Field[] BY_ORDINAL = values();

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** The field's name in results ({@link TermHit#field()}). */
    String label() {
        return label;
    }

    /** The field whose {@link #label()} is {@code label}. */
    static Field ofLabel(String label) {
        for (Field f : BY_ORDINAL) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no article field '" + label + "'");
    }

    static Field ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    /** Whether a term with {@code scope} may match in this field. */
    boolean in(Scope scope) {
        return switch (scope) {
            case ALL -> true;
            case TITLE -> this == TITLE;
            case BODY -> this != TITLE;
        };
    }
}
