package org.newsmonitor.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Delivers each alert as one formatted message to a chat service (ntfy, Slack, Telegram) through the webhook's
 * HTTP client, so the same address guard applies and the same {@link EndpointQueues} retry, back off and
 * dead-letter it. Unlike a webhook, a 4xx answer other than 408 and 429 is final: these services answer 4xx for a
 * wrong token, chat or topic, which no retry mends.
 */
public final class ChatChannel implements Channel {
    private final ChatFormat format;
    private final WebhookClient client;
    private final Duration timeout;
    private final Clock clock;

    private ChatChannel(ChatFormat format, WebhookClient client, Duration timeout, Clock clock) {
        this.format = format;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Publishes to ntfy topics (a subscription's {@code ntfy} URL). */
    public static ChatChannel ntfy(WebhookClient client, Duration timeout, Clock clock) {
        return new ChatChannel(new NtfyFormat(), client, timeout, clock);
    }

    /** Posts to Slack-compatible incoming webhooks (a subscription's {@code slack} URL). */
    public static ChatChannel slack(WebhookClient client, Duration timeout, Clock clock) {
        return new ChatChannel(new SlackFormat(), client, timeout, clock);
    }

    /**
     * Sends with Telegram bots (a subscription's {@code telegram} bot token and chat id).
     *
     * @param apiBase the Bot API's base URL, normally {@value TelegramFormat#DEFAULT_API}
     */
    public static ChatChannel telegram(String apiBase, WebhookClient client, Duration timeout, Clock clock) {
        return new ChatChannel(new TelegramFormat(apiBase), client, timeout, clock);
    }

    /** The chat channels in the order they are tried: ntfy, Slack, Telegram. */
    public static List<ChatChannel> all(String telegramApi, WebhookClient client, Duration timeout, Clock clock) {
        return List.of(ntfy(client, timeout, clock), slack(client, timeout, clock),
                telegram(telegramApi, client, timeout, clock));
    }

    @Override
    public boolean usedBy(SubscriptionEvent subscription) {
        return format.destination(subscription).isPresent();
    }

    @Override
    public String name() {
        return format.name();
    }

    @Override
    public String endpoint(SubscriptionEvent subscription) {
        return format.name() + " " + format.destination(subscription).orElse("(none)");
    }

    @Override
    public Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt) {
        Optional<String> destination = format.destination(subscription);
        if (destination.isEmpty()) {
            return new Outcome.GiveUp("the subscription no longer has a " + format.name() + " channel");
        }
        ChatMessage message;
        try {
            message = format.message(alerts.get(0), subscription);
        } catch (RuntimeException e) {
            return new Outcome.GiveUp("cannot write the " + format.name() + " message: " + e.getMessage());
        }
        return HttpAnswers.post(client, message.url(), message.headers(), message.body(), timeout,
                r -> HttpAnswers.judge(r, clock.instant(), true));
    }
}
