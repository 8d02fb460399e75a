package org.newsmonitor.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * A subscription to theme alerts, as stored on the compacted {@code news-subscriptions} topic
 * (key: {@link #id()}; a tombstone deletes it). Every alert also lands on {@code news-alerts}.
 *
 * @param schemaVersion version of this record's shape
 * @param id            subscription id
 * @param owner         the API key owner who created it
 * @param name          human label
 * @param themes        theme ids to follow; empty means every theme
 * @param minScore      only matches scoring at least this; 0 accepts every match
 * @param languages     only articles in these languages; empty means any
 * @param sources       only articles from these sources; empty means any
 * @param mode          immediate, or an hourly or daily digest
 * @param webhookUrl    http(s) URL to POST alerts to; may be null
 * @param webhookSecret secret for the HMAC-SHA256 signature of webhook deliveries; may be null without a webhook
 * @param email         address for e-mail delivery; may be null
 * @param includeSurges whether theme surge events also produce alerts
 * @param createdAt     creation time
 * @param updatedAt     last change
 * @param ntfy          ntfy topic URL to publish alerts to, e.g. https://ntfy.sh/mytopic; may be null
 * @param slack         Slack-compatible incoming webhook URL; may be null
 * @param telegram      Telegram bot and chat to send alerts to; may be null
 * @param feedTokenHash SHA-256 (hex) of the token that opens the subscription's Atom feed; null until one is issued
 * @param query         the owner's private query in the theme rule language; null when none. With {@code themes}
 *                      as well, an article must match both; such a subscription is alerted by query matches only
 */
public record SubscriptionEvent(
        int schemaVersion,
        String id,
        String owner,
        String name,
        List<String> themes,
        double minScore,
        List<String> languages,
        List<String> sources,
        DeliveryMode mode,
        String webhookUrl,
        String webhookSecret,
        String email,
        boolean includeSurges,
        Instant createdAt,
        Instant updatedAt,
        String ntfy,
        String slack,
        TelegramChat telegram,
        String feedTokenHash,
        String query) implements KeyedRecord {

    public static final int CURRENT_VERSION = 1;

    public SubscriptionEvent {
        String r = "SubscriptionEvent";
        Checks.schemaVersion(r, schemaVersion, CURRENT_VERSION);
        id = Checks.nonBlank(r, "id", id);
        owner = Checks.nonBlank(r, "owner", owner);
        name = name == null || name.isBlank() ? id : name.strip();
        themes = Checks.list(themes);
        Checks.within(r, "minScore", minScore, 0, Double.MAX_VALUE);
        languages = Checks.list(languages);
        sources = Checks.list(sources);
        mode = mode == null ? DeliveryMode.IMMEDIATE : mode;
        webhookUrl = Checks.optional(webhookUrl);
        webhookSecret = Checks.optional(webhookSecret);
        email = Checks.optional(email);
        Checks.present(r, "createdAt", createdAt);
        updatedAt = updatedAt == null ? createdAt : updatedAt;
        ntfy = Checks.optional(ntfy);
        slack = Checks.optional(slack);
        feedTokenHash = Checks.optional(feedTokenHash);
        query = query == null || query.isBlank() ? null : query;
    }

    /** A subscription without a private query. */
    public SubscriptionEvent(int schemaVersion, String id, String owner, String name, List<String> themes,
            double minScore, List<String> languages, List<String> sources, DeliveryMode mode, String webhookUrl,
            String webhookSecret, String email, boolean includeSurges, Instant createdAt, Instant updatedAt,
            String ntfy, String slack, TelegramChat telegram, String feedTokenHash) {
        this(schemaVersion, id, owner, name, themes, minScore, languages, sources, mode, webhookUrl, webhookSecret,
                email, includeSurges, createdAt, updatedAt, ntfy, slack, telegram, feedTokenHash, null);
    }

    /** A subscription without chat channels, feed token or private query (the fields before those were added). */
    public SubscriptionEvent(int schemaVersion, String id, String owner, String name, List<String> themes,
            double minScore, List<String> languages, List<String> sources, DeliveryMode mode, String webhookUrl,
            String webhookSecret, String email, boolean includeSurges, Instant createdAt, Instant updatedAt) {
        this(schemaVersion, id, owner, name, themes, minScore, languages, sources, mode, webhookUrl, webhookSecret,
                email, includeSurges, createdAt, updatedAt, null, null, null, null, null);
    }

    /** Whether this subscription has a private query. */
    public boolean hasQuery() {
        return query != null;
    }

    /** Whether this subscription follows the given theme. */
    public boolean follows(String themeId) {
        return themes.isEmpty() || themes.contains(themeId);
    }

    /** The key of a subscription record: its {@link #id()}. */
    @Override
    public String recordKey() {
        return id;
    }
}
