package org.newsmonitor.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.newsmonitor.outbound.BlockedAddressException;

/** Sends one webhook POST; the real one dials over HTTP, fakes record calls in tests. */
public interface WebhookClient {
    /**
     * POSTs the body and returns the receiver's answer without following redirects.
     *
     * @throws BlockedAddressException when the URL leads to an address that must not be dialled
     * @throws IOException             on connection failures and timeouts
     */
    Response post(URI url, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, BlockedAddressException;

    /**
     * The receiver's answer.
     *
     * @param status     HTTP status
     * @param retryAfter the Retry-After header; may be null
     * @param location   the Location header of a redirect; may be null
     */
    record Response(int status, String retryAfter, String location) {
    }
}
