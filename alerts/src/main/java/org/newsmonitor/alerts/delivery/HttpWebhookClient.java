package org.newsmonitor.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.newsmonitor.outbound.BlockedAddressException;
import org.newsmonitor.outbound.DialTarget;
import org.newsmonitor.outbound.PinnedHttpClient;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * Webhook POSTs over java.net.http. The URL is checked by the {@link SsrfGuard} right before each attempt and the
 * connection goes to the address it checked ({@link PinnedHttpClient}); redirects are never followed; the whole
 * exchange, body included, is bounded by the timeout.
 */
public final class HttpWebhookClient implements WebhookClient {
    private final SsrfGuard guard;
    private final PinnedHttpClient client;

    /**
     * @param guard          refuses internal addresses
     * @param connectTimeout bound on connecting
     */
    public HttpWebhookClient(SsrfGuard guard, Duration connectTimeout) {
        this.guard = guard;
        this.client = new PinnedHttpClient(connectTimeout);
    }

    @Override
    public Response post(URI url, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, BlockedAddressException {
        DialTarget target = guard.target(url);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "news-monitor-alerts/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(target, request,
                HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = call.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Location").orElse(null));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }
}
