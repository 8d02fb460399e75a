package org.newsmonitor.alerts.testing;

import java.time.Instant;
import java.util.List;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.AlertKind;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.Polarity;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.SurgeEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;

/** Small builders of records written for these tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private Fixtures() {
    }

    public static SubscriptionEvent subscription(String id, List<String> themes) {
        return new SubscriptionEvent(1, id, "alice", id, themes, 0, List.of(), List.of(), DeliveryMode.IMMEDIATE,
                null, null, null, false, T0, T0);
    }

    public static SubscriptionEvent subscription(String id, List<String> themes, double minScore,
            List<String> languages, List<String> sources, boolean surges) {
        return new SubscriptionEvent(1, id, "alice", id, themes, minScore, languages, sources, DeliveryMode.IMMEDIATE,
                null, null, null, surges, T0, T0);
    }

    /** A subscription of {@code owner} with the private query {@code query}. */
    public static SubscriptionEvent querySubscription(String id, String owner, String query, List<String> themes) {
        return new SubscriptionEvent(1, id, owner, id, themes, 0, List.of(), List.of(), DeliveryMode.IMMEDIATE,
                null, null, null, false, T0, T0, null, null, null, null, query);
    }

    public static SubscriptionEvent webhookSubscription(String id, String url, String secret) {
        return new SubscriptionEvent(1, id, "alice", id, List.of(), 0, List.of(), List.of(), DeliveryMode.IMMEDIATE,
                url, secret, null, false, T0, T0);
    }

    public static SubscriptionEvent emailSubscription(String id, String email, DeliveryMode mode) {
        return new SubscriptionEvent(1, id, "alice", id, List.of(), 0, List.of(), List.of(), mode, null, null, email,
                false, T0, T0);
    }

    public static ThemeMatchEvent match(String articleId, String storyId, String themeId, double score) {
        return match(articleId, storyId, themeId, score, "en", "Example Wire");
    }

    public static ThemeMatchEvent match(String articleId, String storyId, String themeId, double score,
            String language, String source) {
        return new ThemeMatchEvent(1, articleId, storyId, themeId, themeId + " title", Polarity.COOPERATION, score,
                List.of(new MatchedTerm("Power of Siberia", "title", 0, 16)), "Power of Siberia 2 talks resumed",
                "Power of Siberia 2: pricing talks resume in Beijing", "https://news.example.org/" + articleId, source,
                language, T0, T0.plusSeconds(5), 3, List.of(new MatchedTerm("Power of Siberia", "snippet", 0, 16)),
                List.of());
    }

    /** A surge of 42 matches (7.0 times a usual 6.0), all in English from Example Wire, scoring at least 5. */
    public static SurgeEvent surge(String themeId, Instant hour) {
        return new SurgeEvent(1, themeId, hour, hour.plusSeconds(3600), 42, 6.0, 7.0, hour.plusSeconds(3700),
                themeId + " title", 4, 5.0, List.of("Example Wire"), List.of("en"));
    }

    public static AlertEvent alert(String alertId, String subscriptionId, String themeId, String title) {
        return new AlertEvent(1, alertId, subscriptionId, AlertKind.MATCH, themeId, themeId + " title", "story-" + alertId,
                "article-" + alertId, title, "https://news.example.org/" + alertId, "Example Wire", T0, 3.0,
                List.of(new MatchedTerm("Power of Siberia", "title", 0, 16)), "snippet of " + alertId, T0);
    }
}
