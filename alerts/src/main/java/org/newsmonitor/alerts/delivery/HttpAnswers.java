package org.newsmonitor.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import org.newsmonitor.outbound.BlockedAddressException;

/**
 * One delivery POST and what its answer means, shared by every HTTP channel: an address the guard refuses is given
 * up on, no answer is retried, 2xx is delivered, a redirect is never followed (given up on: it answers the same every
 * time), 429 and 503 honour Retry-After (up to 24 h), 408 and other 5xx are retried. Other 4xx answers are given up
 * on where the receiver's API means them as final (chat services), retried otherwise (webhooks).
 */
final class HttpAnswers {
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private HttpAnswers() {
    }

    /**
     * POSTs once and judges the answer.
     *
     * @param judge turns the receiver's answer into an outcome
     * @return the outcome; never null, never throws
     */
    static Outcome post(WebhookClient client, URI url, Map<String, String> headers, byte[] body, Duration timeout,
            Function<WebhookClient.Response, Outcome> judge) {
        try {
            return judge.apply(client.post(url, headers, body, timeout));
        } catch (BlockedAddressException e) {
            return new Outcome.GiveUp("refused to dial: " + e.getMessage());
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome.RetryLater("no answer: " + message, Duration.ZERO);
        } catch (RuntimeException e) {
            return new Outcome.RetryLater("failed: " + e, Duration.ZERO);
        }
    }

    /**
     * What an answer means.
     *
     * @param clientErrorsAreFinal whether a 4xx other than 408 and 429 is a permanent failure
     */
    static Outcome judge(WebhookClient.Response r, Instant now, boolean clientErrorsAreFinal) {
        int s = r.status();
        if (s >= 200 && s < 300) {
            return new Outcome.Delivered("HTTP " + s);
        }
        if (s >= 300 && s < 400) {
            return new Outcome.GiveUp("HTTP " + s + " redirect to " + r.location() + " not followed (deliveries "
                    + "never follow redirects; point the subscription at the final URL)");
        }
        if (s == 429 || s == 503) {
            return new Outcome.RetryLater("HTTP " + s, retryAfter(r.retryAfter(), now));
        }
        if (clientErrorsAreFinal && s >= 400 && s < 500 && s != 408) {
            return new Outcome.GiveUp("HTTP " + s + ": the receiver refused the message; retrying cannot help");
        }
        return new Outcome.RetryLater("HTTP " + s, Duration.ZERO);
    }

    /** The Retry-After delay (seconds or HTTP-date), capped at 24 h; zero when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            long seconds = Long.parseLong(value.strip());
            d = seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                d = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e2) {
                d = Duration.ZERO;
            }
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }
}
