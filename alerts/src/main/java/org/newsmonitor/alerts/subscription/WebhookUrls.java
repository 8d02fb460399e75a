package org.newsmonitor.alerts.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Whether the webhook HTTP client (java.net.http) can dial a URL at all. It needs a server-based authority: a host
 * name of letters, digits, '-' and '.', or an IP literal, and a port from 1 to 65535. A URL failing this would be
 * accepted, then dead-lettered or retried at every alert; it is refused when the subscription is written. Pure.
 */
final class WebhookUrls {
    private WebhookUrls() {
    }

    /**
     * Why the client cannot dial this absolute http(s) URL; empty when it can.
     *
     * @param url an absolute http or https URL
     * @return the reason, naming the host or port at fault
     */
    static Optional<String> undiallableReason(URI url) {
        try {
            url.parseServerAuthority();
        } catch (URISyntaxException e) {
            return Optional.of("the host must be a name of letters, digits, '-' and '.' (no '_', no %-escapes) or an "
                    + "IP address; " + e.getReason() + " at index " + e.getIndex());
        }
        if (url.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        int port = url.getPort();
        if (port == 0 || port > 65535) {
            return Optional.of("the port must be from 1 to 65535, was " + port);
        }
        try {
            // the very check the client makes before sending
            HttpRequest.newBuilder(url);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }
}
