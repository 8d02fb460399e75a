package org.newsmonitor.ingest.normalize;

/**
 * Names of the corrections made while normalising an item. They travel as the comma-separated record header
 * {@link #HEADER} on {@code news-articles}, so the article JSON keeps its schema.
 */
public final class ArticleFlags {
    /** Record header carrying the flags. */
    public static final String HEADER = "nm.ingest.flags";
    /** The item had no date at all; publishedAt is the first-seen time. */
    public static final String DATE_MISSING = "date-missing";
    /** The item's date could not be read; publishedAt is the first-seen time. */
    public static final String DATE_UNPARSEABLE = "date-unparseable";
    /** The date had no zone; the feed's default zone was assumed. */
    public static final String DATE_ZONE_ASSUMED = "date-zone-assumed";
    /** The date lay in the future and was clamped to the first-seen time. */
    public static final String DATE_FUTURE_CLAMPED = "date-future-clamped";
    /** The date was implausibly old (before 1995) and the first-seen time was used. */
    public static final String DATE_IMPLAUSIBLE = "date-implausible";
    /** Invalid bytes in the document were replaced by U+FFFD. */
    public static final String ENCODING_ERRORS = "encoding-errors";
    /** Title, summary or content was shortened to keep the record small. */
    public static final String TRUNCATED = "truncated";
    /**
     * The feed was ill-formed or named no charset and was repaired; the article carries {@code recovered: true} and
     * each repair is a further flag {@link #RECOVERED_PREFIX}{@code <reason>} (reasons: {@code Recovery} in the parse
     * package).
     */
    public static final String RECOVERED = "recovered";
    /** Prefix of the flags naming each repair, e.g. {@code recovered:bare-ampersand}. */
    public static final String RECOVERED_PREFIX = "recovered:";

    private ArticleFlags() {
    }
}
