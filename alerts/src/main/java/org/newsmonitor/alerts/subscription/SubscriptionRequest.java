package org.newsmonitor.alerts.subscription;

import java.util.List;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.TelegramChat;

/**
 * What a user asks for when creating or replacing a subscription, after the JSON shape was checked.
 * Absent fields are null.
 *
 * @param name          human label; may be null
 * @param themes        theme ids, empty or ["*"] for all; may be null (all)
 * @param minScore      minimum match score; may be null (0)
 * @param languages     language codes; may be null (any)
 * @param sources       source names; may be null (any)
 * @param mode          delivery mode; may be null (immediate)
 * @param webhookUrl    http(s) URL; may be null
 * @param webhookSecret signing secret; may be null (generated when a webhook is set)
 * @param email         e-mail address; may be null
 * @param includeSurges whether surges alert too; may be null (false)
 * @param ntfy          ntfy topic URL; may be null
 * @param slack         Slack-compatible incoming webhook URL; may be null
 * @param telegram      Telegram bot and chat; may be null
 * @param query         private query in the theme rule language; may be null (none)
 */
public record SubscriptionRequest(String name, List<String> themes, Double minScore, List<String> languages,
        List<String> sources, DeliveryMode mode, String webhookUrl, String webhookSecret, String email,
        Boolean includeSurges, String ntfy, String slack, TelegramChat telegram, String query) {

    /** A request without chat channels or private query. */
    public SubscriptionRequest(String name, List<String> themes, Double minScore, List<String> languages,
            List<String> sources, DeliveryMode mode, String webhookUrl, String webhookSecret, String email,
            Boolean includeSurges) {
        this(name, themes, minScore, languages, sources, mode, webhookUrl, webhookSecret, email, includeSurges, null,
                null, null, null);
    }

    /** A request without a private query. */
    public SubscriptionRequest(String name, List<String> themes, Double minScore, List<String> languages,
            List<String> sources, DeliveryMode mode, String webhookUrl, String webhookSecret, String email,
            Boolean includeSurges, String ntfy, String slack, TelegramChat telegram) {
        this(name, themes, minScore, languages, sources, mode, webhookUrl, webhookSecret, email, includeSurges, ntfy,
                slack, telegram, null);
    }
}
