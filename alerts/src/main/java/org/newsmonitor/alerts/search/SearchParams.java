package org.newsmonitor.alerts.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsmonitor.alerts.web.ApiError;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.alerts.subscription.SubscriptionValidator;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;

/**
 * Reads the parameters of {@code /search}, {@code /stories/{id}}, {@code /stats} and the preview; each refusal names
 * the parameter and what is wrong.
 */
public final class SearchParams {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_STORY_ID = 200;

    private SearchParams() {
    }

    /**
     * The query, checked by {@link Query} as a subscription's query is; 422 naming the column, in the words a
     * subscription's refusal uses, when it breaks the rules.
     */
    static Query query(String field, String raw, Lexicon lexicon) {
        try {
            return Query.parse(raw, lexicon);
        } catch (QueryException e) {
            throw new ApiError(422, field, SubscriptionValidator.unusableQuery(e));
        }
    }

    /** Values of a repeatable parameter, each possibly a comma-separated list; blanks dropped. */
    static List<String> list(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            for (String v : r.split(",")) {
                if (!v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    /**
     * A time: an ISO-8601 instant ({@code 2026-05-01T12:00:00Z}) or a date ({@code 2026-05-01}, midnight UTC; as
     * {@code to}, the end of that day).
     */
    public static Instant time(String field, String raw, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, field, "must be a date such as 2026-05-01 or a time such as 2026-05-01T12:00:00Z");
        }
    }

    /** Checks that a window is not reversed. */
    public static void window(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiError(400, "from", "must be before 'to'");
        }
    }

    static int limit(String raw) {
        return limit(raw, DEFAULT_LIMIT, ArticleSearch.MAX_LIMIT, " (pages are followed with 'cursor')");
    }

    /** A count from 1 to {@code max}; {@code fallback} when not given. */
    static int limit(String raw, int fallback, int max, String hint) {
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "limit", "must be a whole number from 1 to " + max + hint);
    }

    /** A count of items to skip, 0 to {@code max}; 0 when not given. */
    static int offset(String raw, int max) {
        if (raw == null) {
            return 0;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "offset", "must be a whole number from 0 to " + max + " (copies skipped, oldest "
                + "first; the answer's nextOffset gives the next page)");
    }

    /**
     * Where a story opens: on the page holding {@code article} (an article id), or {@code offset} copies in; not both.
     */
    static StoryView.Start storyStart(String article, String offset, int max) {
        if (article == null) {
            return new StoryView.Start.At(offset(offset, max));
        }
        if (offset != null) {
            throw new ApiError(400, "article", "give either article (open the page that holds that copy) or offset"
                    + " (copies skipped), not both");
        }
        if (article.isBlank() || article.length() > MAX_STORY_ID || article.chars().anyMatch(Character::isISOControl)) {
            throw new ApiError(400, "article", "must be an article id (as on search hits and alerts): 1 to "
                    + MAX_STORY_ID + " characters, no control characters");
        }
        return new StoryView.Start.Holding(article);
    }

    /** A story id from the path: 1 to 200 characters, no control characters. */
    static String storyId(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_STORY_ID
                || raw.chars().anyMatch(Character::isISOControl)) {
            throw new ApiError(400, "id", "must be a story id (as on matches, alerts and search hits): 1 to "
                    + MAX_STORY_ID + " characters, no control characters");
        }
        return raw;
    }

    static SearchOrder order(String raw) {
        if (raw == null || raw.isBlank()) {
            return SearchOrder.NEWEST;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> SearchOrder.NEWEST;
            case "relevance" -> SearchOrder.RELEVANCE;
            default -> throw new ApiError(400, "sort", "must be 'newest' or 'relevance'");
        };
    }

    static SearchCursor cursor(String raw, SearchOrder order) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        SearchCursor c;
        try {
            c = SearchCursor.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "cursor", e.getMessage());
        }
        if (c.order() != order) {
            throw new ApiError(400, "cursor", "belongs to sort=" + c.order().name().toLowerCase(Locale.ROOT)
                    + "; keep the sort of the first page");
        }
        return c;
    }
}
