package org.newsmonitor.alerts.delivery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat and others accept the same body): each alert
 * is posted as {"text": ...} in Slack's mrkdwn, the title linked as {@code <url|title>}, then source, theme and the
 * matched terms. Pure.
 */
final class SlackFormat implements ChatFormat {
    static final String NAME = "slack";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> destination(SubscriptionEvent subscription) {
        // the URL path is the secret of an incoming webhook: the queue key keeps only the host
        return Optional.ofNullable(subscription.slack()).map(url -> URI.create(url).getHost() + " for "
                + subscription.id());
    }

    @Override
    public ChatMessage message(AlertEvent alert, SubscriptionEvent subscription) {
        AlertText text = AlertText.of(alert);
        StringBuilder b = new StringBuilder();
        if (text.link() != null) {
            b.append('<').append(linkTarget(text.link())).append('|').append(escape(text.title())).append('>');
        } else {
            b.append('*').append(escape(text.title())).append('*');
        }
        b.append('\n').append(escape(text.byline()));
        if (!text.terms().isEmpty()) {
            b.append("\nMatched: ").append(escape(text.terms()));
        }
        return new ChatMessage(URI.create(subscription.slack()), Map.of(),
                ChatJson.bytes(Map.of("text", b.toString())));
    }

    /** Text with Slack's three control characters escaped. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A URL that cannot end the {@code <url|text>} link early. */
    private static String linkTarget(String url) {
        return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
    }
}
