package org.newsmonitor.alerts.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.themes.Query;

/** Decides which matches and surges a subscription wants, and turns them into alerts. Pure; no Kafka. */
public final class AlertPolicy {
    private AlertPolicy() {
    }

    /**
     * Whether the subscription wants this theme match: it has no private query (a subscription with one is alerted
     * by its query matches only), it follows the theme, the score reaches its minimum, and the article's language
     * and source are among the ones it names (an empty list accepts any; an article without a language never passes
     * a language filter).
     */
    public static boolean accepts(SubscriptionEvent subscription, ThemeMatchEvent match) {
        return !subscription.hasQuery()
                && subscription.follows(match.themeId())
                && passesFilters(subscription, match);
    }

    /**
     * Whether the subscription wants this match of a private query: the query is its own (a query match never
     * reaches another subscription), it still has a query, and the match passes its score, language and source
     * filters. Whether the article also matched the subscription's themes was decided where the query was matched.
     */
    public static boolean acceptsQueryMatch(SubscriptionEvent subscription, ThemeMatchEvent match) {
        return subscription.hasQuery()
                && subscription.id().equals(Query.subscriptionOf(match.themeId()))
                && passesFilters(subscription, match);
    }

    private static boolean passesFilters(SubscriptionEvent subscription, ThemeMatchEvent match) {
        return match.score() >= subscription.minScore()
                && containsIgnoringCase(subscription.languages(), match.language())
                && containsIgnoringCase(subscription.sources(), match.source());
    }

    /**
     * Whether the subscription wants alerts for this surge: it asked for surges, follows the theme, and every match
     * counted in the surge's hour passes its filters (the lowest score reaches its minimum, and each publisher and
     * language is among the ones it names). A surge counts a theme's matches from every source, so a subscription
     * that filters would otherwise be alerted about matches it excluded; a surge that does not say its lowest score
     * passes only a subscription without a minimum.
     */
    public static boolean acceptsSurge(SubscriptionEvent subscription, SurgeEvent surge) {
        boolean scores = subscription.minScore() <= 0
                || surge.lowestScore() != null && surge.lowestScore() >= subscription.minScore();
        return subscription.includeSurges() && subscription.follows(surge.themeId()) && scores
                && allAllowed(subscription.sources(), surge.sources())
                && allAllowed(subscription.languages(), surge.languages());
    }

    /**
     * The alert for this theme or query match and subscription; never null. A query's alert has the themeId
     * {@code query:<subscriptionId>} and the query's matched terms.
     */
    public static AlertEvent alertFor(SubscriptionEvent subscription, ThemeMatchEvent match, Instant now) {
        return new AlertEvent(AlertEvent.CURRENT_VERSION,
                AlertIds.of(subscription.id(), match.themeId(), match.storyId()),
                subscription.id(), AlertKind.MATCH, match.themeId(), match.themeTitle(), match.storyId(),
                match.articleId(), match.title(), match.url(), match.source(), match.publishedAt(), match.score(),
                match.terms(), match.snippet(), now, match.themeRevision(), match.snippetTerms());
    }

    /** The alert for this surge and subscription; never null. */
    public static AlertEvent alertFor(SubscriptionEvent subscription, SurgeEvent surge, Instant now) {
        String storyId = AlertIds.surgeStoryId(surge.themeId(), surge.windowStart());
        return new AlertEvent(AlertEvent.CURRENT_VERSION, AlertIds.of(subscription.id(), surge.themeId(), storyId),
                subscription.id(), AlertKind.SURGE, surge.themeId(), surge.themeTitle(), storyId, null,
                surgeTitle(surge), null, null, surge.windowStart(), surge.ratio(), List.of(), "", now,
                surge.themeRevision(), List.of());
    }

    /**
     * The one-line description of a surge, e.g. "Surge: 5 matches of Power of Siberia gas pipelines in the hour from
     * 2026-03-02T07:00:00Z, 12.0x the usual 0.42 an hour": the ratio times the usual rate is the count (to the
     * rounding shown). Without matches in the hours before, it says so instead of a ratio.
     */
    static String surgeTitle(SurgeEvent surge) {
        String head = String.format(Locale.ROOT, "Surge: %d matches of %s in the hour from %s", surge.count(),
                surge.themeTitle(), surge.windowStart());
        if (surge.baseline() <= 0) {
            return head + ", where the hours before had none";
        }
        return head + String.format(Locale.ROOT, ", %.1fx the usual %.2f an hour", surge.count() / surge.baseline(),
                surge.baseline());
    }

    /** Whether every value is among the allowed ones (ignoring case); an empty allowed list allows anything. */
    private static boolean allAllowed(List<String> allowed, List<String> values) {
        return allowed.isEmpty() || !values.isEmpty() && values.stream().allMatch(v -> containsIgnoringCase(allowed, v));
    }

    private static boolean containsIgnoringCase(List<String> allowed, String value) {
        if (allowed.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip()));
    }
}
