package org.newsmonitor.ingest.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.newsmonitor.ingest.fetch.BoundedBodySubscriber;
import org.newsmonitor.outbound.BlockedAddressException;
import org.newsmonitor.outbound.PinnedHttpClient;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * Sends subscription requests to hubs: a form POST through the outbound SSRF guard (the hub's address is checked
 * and the connection pinned to it, as for feeds), bounded by one deadline; of the hub's answer only the first
 * {@value #MAX_ANSWER_BYTES} bytes are read. Redirects are not followed.
 */
public final class HubClient {
    private static final int MAX_REASON = 200;
    /** Bytes of a hub's answer read: enough for the first line of an error text. */
    private static final int MAX_ANSWER_BYTES = 4096;

    private final SsrfGuard guard;
    private final PinnedHttpClient client;
    private final Duration timeout;
    private final String userAgent;

    /**
     * @param guard          the outbound guard, with the same allow list as feed fetching
     * @param connectTimeout bound on connecting
     * @param timeout        bound on the whole request
     * @param userAgent      the User-Agent sent
     */
    public HubClient(SsrfGuard guard, Duration connectTimeout, Duration timeout, String userAgent) {
        this.guard = guard;
        this.client = new PinnedHttpClient(connectTimeout);
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * Posts a subscription request.
     *
     * @param hub  the hub URL
     * @param form the hub.* parameters
     * @return null when the hub accepted it (2xx), otherwise why not, in one line
     */
    public String send(URI hub, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(guard.target(hub), request,
                    info -> BoundedBodySubscriber.firstBytes(MAX_ANSWER_BYTES));
        } catch (BlockedAddressException e) {
            return "refused " + hub + ": " + e.getMessage();
        } catch (UnknownHostException e) {
            return "cannot resolve host " + hub.getHost();
        }
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return null;
            }
            String text = response.body() == null ? ""
                    : new String(response.body(), StandardCharsets.UTF_8).strip();
            text = text.lines().findFirst().orElse("");
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > MAX_REASON
                    ? text.substring(0, MAX_REASON) + "..." : text));
        } catch (TimeoutException e) {
            future.cancel(true);
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return "interrupted (shutting down)";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
            String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
            return (cause == null ? "" : cause.getClass().getSimpleName() + ": ")
                    + message.lines().findFirst().orElse(message);
        }
    }
}
