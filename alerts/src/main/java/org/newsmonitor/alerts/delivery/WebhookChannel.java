package org.newsmonitor.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.outbound.BlockedAddressException;

/**
 * Delivers each alert as a signed webhook POST of {"type":"alert","timestamp":...,"data":{alert}}. 2xx is delivered;
 * 410 disables the endpoint; internal addresses are refused; a redirect (never followed) fails the delivery at once;
 * 429 and 503 honour Retry-After (up to 24 h); every other answer, timeouts and connection errors are retried.
 */
public final class WebhookChannel implements Channel {
    /** Channel name in delivery records. */
    public static final String NAME = "webhook";
    private final WebhookClient client;
    private final Duration timeout;
    private final Clock clock;
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    /**
     * @param client  sends the POST
     * @param timeout bound on one attempt
     * @param clock   signing timestamps
     */
    public WebhookChannel(WebhookClient client, Duration timeout, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usedBy(SubscriptionEvent subscription) {
        return subscription.webhookUrl() != null;
    }

    @Override
    public String endpoint(SubscriptionEvent subscription) {
        return NAME + " " + subscription.webhookUrl();
    }

    @Override
    public Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt) {
        AlertEvent alert = alerts.get(0);
        String url = subscription.webhookUrl();
        if (url == null) {
            return new Outcome.GiveUp("the subscription no longer has a webhook URL");
        }
        if (gone.contains(url)) {
            return new Outcome.GiveUp("endpoint disabled: it answered 410 Gone earlier");
        }
        Instant now = clock.instant();
        byte[] body;
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "alert");
            payload.put("timestamp", now.toString());
            payload.put("data", alert);
            body = Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            return new Outcome.GiveUp("cannot write the alert as JSON: " + e.getOriginalMessage());
        }
        long ts = now.getEpochSecond();
        Map<String, String> headers = Map.of(WebhookSignature.ID_HEADER, alert.alertId(),
                WebhookSignature.TIMESTAMP_HEADER, String.valueOf(ts),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret(subscription), alert.alertId(), ts, body));
        return HttpAnswers.post(client, URI.create(url), headers, body, timeout, r -> outcome(url, r, now));
    }

    private Outcome outcome(String url, WebhookClient.Response r, Instant now) {
        if (r.status() == 410) {
            gone.add(url);
            return new Outcome.GiveUp("HTTP 410 Gone: endpoint disabled");
        }
        // a webhook receiver's 4xx is often a deploy in progress: retried like a 5xx
        return HttpAnswers.judge(r, now, false);
    }

    /** The Retry-After delay (seconds or HTTP-date), capped at 24 h; zero when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        return HttpAnswers.retryAfter(value, now);
    }

    private static String secret(SubscriptionEvent s) {
        // a subscription written without a secret still gets signatures, with its id as a weak key
        return s.webhookSecret() != null ? s.webhookSecret() : s.id();
    }
}
