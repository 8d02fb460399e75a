package org.newsmonitor.alerts.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * ntfy (ntfy.sh or a self-hosted server): the subscription names a topic URL such as https://ntfy.sh/mytopic; each
 * alert is published as JSON to the server's root ({"topic", "title", "message", "click", "tags"}), so that titles
 * in any script need no header encoding. Pure.
 */
public final class NtfyFormat implements ChatFormat {
    /** Channel name in delivery records. */
    public static final String NAME = "ntfy";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> destination(SubscriptionEvent subscription) {
        // on a public server the topic name is what keeps others out: the queue key keeps only the host
        return Optional.ofNullable(subscription.ntfy()).map(url -> URI.create(url).getHost() + " for "
                + subscription.id());
    }

    @Override
    public ChatMessage message(AlertEvent alert, SubscriptionEvent subscription) {
        URI topicUrl = URI.create(subscription.ntfy());
        String topic = topic(topicUrl).orElseThrow(() -> new IllegalArgumentException(
                "the ntfy URL does not end in a topic name"));
        String path = topicUrl.getRawPath();
        URI root = topicUrl.resolve(path.substring(0, path.length() - topic.length()));
        AlertText text = AlertText.of(alert);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("title", text.title());
        body.put("message", text.byline() + (text.terms().isEmpty() ? "" : "\nMatched: " + text.terms())
                + (text.link() == null ? "" : "\n" + text.link()));
        if (text.link() != null) {
            body.put("click", text.link());
        }
        body.put("tags", List.of("newspaper"));
        return new ChatMessage(root, Map.of(), ChatJson.bytes(body));
    }

    /**
     * The topic a topic URL names: its last path segment, 1 to 64 letters, digits, '_' or '-'.
     *
     * @return the topic; empty when the URL has none, or has a query or fragment
     */
    public static Optional<String> topic(URI url) {
        String path = url.getRawPath();
        if (path == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.empty();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return TOPIC.matcher(last).matches() ? Optional.of(last) : Optional.empty();
    }
}
