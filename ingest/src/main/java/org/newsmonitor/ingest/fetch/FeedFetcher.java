package org.newsmonitor.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.newsmonitor.ingest.fetch.FetchResult.FailureKind;
import org.newsmonitor.outbound.BlockedAddressException;
import org.newsmonitor.outbound.DialTarget;
import org.newsmonitor.outbound.PinnedHttpClient;
import org.newsmonitor.outbound.SsrfGuard;

/**
 * Fetches one feed URL politely and within bounds: conditional GET with the stored validators, gzip, redirects
 * followed by hand with an SSRF check per hop (each connection pinned to the address checked), a body limit counted after decompression, and one deadline for the
 * whole fetch that also stops a body that arrives a byte at a time. Thread-safe; one instance serves all feeds.
 */
public final class FeedFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpLimits limits;
    private final SsrfGuard guard;
    private final Clock clock;
    private final PinnedHttpClient client;

    /**
     * @param limits timeouts, sizes, redirects and the User-Agent
     * @param guard  the SSRF check applied to every hop
     * @param clock  time source for deadlines and Retry-After dates
     */
    public FeedFetcher(HttpLimits limits, SsrfGuard guard, Clock clock) {
        this.limits = limits;
        this.guard = guard;
        this.clock = clock;
        this.client = new PinnedHttpClient(limits.connectTimeout());
    }

    /** The limits this fetcher applies; the feed parser applies the same body limit. */
    public HttpLimits limits() {
        return limits;
    }

    /**
     * Fetches {@code url}.
     *
     * @param url        the feed URL; never null
     * @param validators validators from the last successful fetch; never null
     * @return the outcome; never null, never throws for server or network faults
     */
    public FetchResult fetch(URI url, Validators validators) {
        return fetch(url, validators, ACCEPT, limits.totalTimeout());
    }

    /**
     * Fetches {@code url} as {@link #fetch(URI, Validators)} does, asking for other media types and ending sooner.
     *
     * @param url        the URL; never null
     * @param validators validators from the last successful fetch; never null
     * @param accept     the Accept header, e.g. for an HTML page
     * @param timeLimit  the whole fetch's deadline when shorter than the limits' total timeout
     * @return the outcome; never null, never throws for server or network faults
     */
    public FetchResult fetch(URI url, Validators validators, String accept, Duration timeLimit) {
        return fetch(url, validators, accept, timeLimit, RedirectCheck.ANY);
    }

    /**
     * Fetches {@code url} as {@link #fetch(URI, Validators, String, Duration)} does, following a redirect only when
     * {@code redirects} allows its target too.
     *
     * @param redirects asked before each redirect hop, after the SSRF guard; never null
     */
    public FetchResult fetch(URI url, Validators validators, String accept, Duration timeLimit,
            RedirectCheck redirects) {
        Duration allowed = min(limits.totalTimeout(), timeLimit);
        long deadline = System.nanoTime() + allowed.toNanos();
        URI current = url;
        URI permanent = null;
        boolean onlyPermanent = true;
        Set<URI> visited = new HashSet<>();
        visited.add(url);
        for (int hop = 0; ; hop++) {
            DialTarget target;
            try {
                target = guard.target(current);
            } catch (BlockedAddressException e) {
                String where = hop == 0 ? "" : " (redirect hop " + hop + ")";
                return failed(current, FailureKind.BLOCKED, 0, "refused " + current + where + ": " + e.getMessage());
            } catch (UnknownHostException e) {
                return failed(current, FailureKind.NETWORK, 0, "cannot resolve host " + current.getHost());
            }
            String refusal = hop == 0 ? null : redirects.refusal(current);
            if (refusal != null) {
                return failed(current, FailureKind.REDIRECT_REFUSED, 0, "redirect hop " + hop + " to " + current
                        + " refused: " + refusal);
            }
            Hop response = send(target, validators, accept, deadline, allowed);
            if (response.failure != null) {
                return response.failure;
            }
            int status = response.status;
            HttpHeaders headers = response.headers;
            if (REDIRECTS.contains(status)) {
                String location = headers.firstValue("location").orElse(null);
                if (location == null || location.isBlank()) {
                    return failed(current, FailureKind.REDIRECT, status, "HTTP " + status + " without a Location header");
                }
                URI next;
                try {
                    next = current.resolve(URI.create(location.strip().replace(" ", "%20")));
                } catch (IllegalArgumentException e) {
                    return failed(current, FailureKind.REDIRECT, status, "HTTP " + status + " to an invalid Location '"
                            + location + "'");
                }
                if (hop >= limits.maxRedirects()) {
                    return failed(current, FailureKind.REDIRECT, status, "more than " + limits.maxRedirects()
                            + " redirects, last to " + next);
                }
                if (!visited.add(next)) {
                    return failed(current, FailureKind.REDIRECT, status, "redirect loop back to " + next);
                }
                if (onlyPermanent && (status == 301 || status == 308)) {
                    permanent = next;
                } else {
                    onlyPermanent = false;
                }
                current = next;
                continue;
            }
            return outcome(current, permanent, response);
        }
    }

    private FetchResult outcome(URI uri, URI permanent, Hop response) {
        int status = response.status;
        HttpHeaders headers = response.headers;
        Duration retryAfter = RetryAfter.parse(headers.firstValue("retry-after").orElse(null), clock.instant());
        Duration maxAge = CacheControl.maxAge(String.join(",", headers.allValues("cache-control")));
        if (status == 304) {
            return new FetchResult.NotModified(uri, permanent, maxAge, retryAfter);
        }
        if (status == 200 || status == 203) {
            byte[] body;
            try {
                body = BodyDecoder.decode(response.body, headers.firstValue("content-encoding").orElse(null),
                        limits.maxBodyBytes());
            } catch (BodyTooLargeException e) {
                return failed(uri, FailureKind.TOO_LARGE, status, e.getMessage());
            } catch (IOException e) {
                return failed(uri, FailureKind.BAD_BODY, status, e.getMessage());
            }
            Validators next = new Validators(headers.firstValue("etag").orElse(null),
                    headers.firstValue("last-modified").orElse(null));
            return new FetchResult.Fetched(uri, permanent, body, headers.firstValue("content-type").orElse(null), next,
                    maxAge, retryAfter, headers.allValues("link"));
        }
        String text = "HTTP " + status;
        if (status == 410) {
            return failed(uri, FailureKind.GONE, status, text + " Gone: the feed was removed");
        }
        if (status == 429 || (status == 503 && retryAfter != null)) {
            String wait = retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)";
            return new FetchResult.Failed(uri, FailureKind.THROTTLED, status, text + wait, retryAfter);
        }
        if (status >= 200 && status < 300) {
            text += " (expected 200 with a feed)";
        }
        return new FetchResult.Failed(uri, FailureKind.HTTP_STATUS, status, text, status >= 500 ? retryAfter : null);
    }

    private Hop send(DialTarget target, Validators validators, String accept, long deadline, Duration allowed) {
        URI uri = target.url();
        Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
            return Hop.failed(failed(uri, FailureKind.TIMEOUT, 0, deadlineText(allowed)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .GET()
                .timeout(min(limits.readTimeout(), remaining))
                .header("User-Agent", limits.userAgent())
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip, deflate");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        AtomicReference<BoundedBodySubscriber> subscriber = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            BoundedBodySubscriber s = bodySubscriber(info);
            subscriber.set(s);
            return s;
        };
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(target, request, handler);
        } catch (IllegalArgumentException e) {
            return Hop.failed(failed(uri, FailureKind.NETWORK, 0, "invalid request: " + e.getMessage()));
        }
        try {
            HttpResponse<byte[]> response = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Hop(response.statusCode(), response.headers(), response.body(), null);
        } catch (TimeoutException e) {
            abort(future, subscriber.get(), deadlineText(allowed));
            return Hop.failed(failed(uri, FailureKind.TIMEOUT, 0, deadlineText(allowed)));
        } catch (InterruptedException e) {
            abort(future, subscriber.get(), "interrupted");
            Thread.currentThread().interrupt();
            return Hop.failed(failed(uri, FailureKind.NETWORK, 0, "fetch interrupted (shutting down)"));
        } catch (CancellationException e) {
            return Hop.failed(failed(uri, FailureKind.NETWORK, 0, "fetch cancelled"));
        } catch (ExecutionException e) {
            return Hop.failed(failure(uri, e.getCause()));
        }
    }

    private BoundedBodySubscriber bodySubscriber(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200 && info.statusCode() != 203) {
            return new BoundedBodySubscriber(0, "");
        }
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
        if (declared > limits.maxBodyBytes()) {
            return BoundedBodySubscriber.refusing("Content-Length " + declared + " exceeds the limit of "
                    + limits.maxBodyBytes() + " bytes; nothing was read");
        }
        return new BoundedBodySubscriber(limits.maxBodyBytes(), "body exceeds the limit of " + limits.maxBodyBytes()
                + " bytes");
    }

    private FetchResult.Failed failure(URI uri, Throwable cause) {
        if (cause instanceof BodyTooLargeException) {
            return failed(uri, FailureKind.TOO_LARGE, 200, cause.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return failed(uri, FailureKind.TIMEOUT, 0, "connect timed out after " + limits.connectTimeout().toSeconds()
                    + " s");
        }
        if (cause instanceof HttpTimeoutException) {
            return failed(uri, FailureKind.TIMEOUT, 0, "no response headers within "
                    + seconds(limits.readTimeout()));
        }
        if (cause instanceof ConnectException) {
            return failed(uri, FailureKind.NETWORK, 0, "connection refused or unreachable");
        }
        if (cause instanceof UnknownHostException) {
            return failed(uri, FailureKind.NETWORK, 0, "cannot resolve host " + uri.getHost());
        }
        String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        if (message.contains("EOF") || message.contains("closed") || message.contains("reset")
                || message.contains("content-length") || message.contains("bytes received")) {
            return failed(uri, FailureKind.NETWORK, 0, "connection closed before the response was complete ("
                    + message.lines().findFirst().orElse(message) + ")");
        }
        return failed(uri, FailureKind.NETWORK, 0, (cause == null ? "" : cause.getClass().getSimpleName() + ": ")
                + message.lines().findFirst().orElse(message));
    }

    private static void abort(CompletableFuture<?> future, BoundedBodySubscriber subscriber, String reason) {
        if (subscriber != null) {
            subscriber.cancel(new IOException(reason));
        }
        future.cancel(true);
    }

    private static String deadlineText(Duration allowed) {
        return "no complete response within " + seconds(allowed) + " (whole-fetch deadline)";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static FetchResult.Failed failed(URI uri, FailureKind kind, int status, String reason) {
        return new FetchResult.Failed(uri, kind, status, reason, null);
    }

    /** One request's response, or why there was none. */
    private record Hop(int status, HttpHeaders headers, byte[] body, FetchResult.Failed failure) {
        static Hop failed(FetchResult.Failed failure) {
            return new Hop(0, null, null, failure);
        }
    }
}
