package org.newsmonitor.ingest.feed;

import java.util.Locale;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Whether the ingester fetches a feed's article pages for their full text, and where the text sits on them.
 *
 * @param mode     when pages are fetched; never null
 * @param selector a CSS selector (jsoup syntax) naming the element(s) holding the article body on this source's
 *                 pages, used before the generic extraction; null to let the extraction find the body
 */
public record FullTextOption(Mode mode, String selector) {
    /** Pages fetched for teaser items, body found by the generic extraction: the default. */
    public static final FullTextOption AUTO = new FullTextOption(Mode.AUTO, null);

    /** When pages are fetched. */
    public enum Mode {
        /** Only for items whose text looks like a teaser (short, cut off, or the title repeated). */
        AUTO,
        /** Never: the feed's own text is published. */
        OFF,
        /** For every item with a link, whatever its length. */
        ALWAYS
    }

    public FullTextOption {
        mode = mode == null ? Mode.AUTO : mode;
        selector = selector == null || selector.isBlank() ? null : selector.strip();
        if (selector != null) {
            try {
                QueryParser.parse(selector);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("contentSelector '" + selector + "' is not a CSS selector: "
                        + e.getMessage());
            }
        }
    }

    /**
     * Reads the feed-list keys {@code fullText} and {@code contentSelector}.
     *
     * @param mode     auto, off or always (case-insensitive); also false/no for off and true/yes/on for auto, as YAML
     *                 reads an unquoted {@code off} as false; null for auto
     * @param selector CSS selector; may be null
     * @throws IllegalArgumentException naming the key when a value is not valid
     */
    public static FullTextOption of(String mode, String selector) {
        Mode m = Mode.AUTO;
        if (mode != null && !mode.isBlank()) {
            m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
                case "auto", "true", "yes", "on" -> Mode.AUTO;
                case "off", "false", "no" -> Mode.OFF;
                case "always" -> Mode.ALWAYS;
                default -> throw new IllegalArgumentException("fullText must be auto, off or always, was '" + mode
                        + "'");
            };
        }
        return new FullTextOption(m, selector);
    }
}
