package org.newsmonitor.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends requests over {@code java.net.http} to the address a {@link DialTarget} was checked at, never to a fresh
 * DNS answer: the request URI carries the checked IP literal, the Host header carries the URL's host, and for https
 * the TLS handshake sends the URL's host as SNI and checks the certificate against it. Redirects are never followed
 * here: a caller that follows them checks each hop with the {@link SsrfGuard} again. Thread-safe.
 */
public final class PinnedHttpClient {
    /** The JDK property that lets a request set its own Host header. */
    static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    private static final int MAX_TLS_CLIENTS = 64;

    static {
        // java.net.http reads this once, when its first request is built; the monitor script also passes it
        String allowed = System.getProperty(RESTRICTED_HEADERS, "");
        if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("host")) {
            System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    private final Duration connectTimeout;
    private final HttpClient plain;
    private final Map<String, HttpClient> tlsByServerName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
            return size() > MAX_TLS_CLIENTS;
        }
    };

    /**
     * @param connectTimeout bound on connecting
     * @throws IllegalStateException when java.net.http was set up before this class and refuses a Host header
     */
    public PinnedHttpClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        try {
            HttpRequest.newBuilder().header("Host", "example.org");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("java.net.http refuses the Host header that pins outbound connections; "
                    + "start the JVM with -D" + RESTRICTED_HEADERS + "=host", e);
        }
        this.plain = builder().build();
    }

    /**
     * Sends {@code request} (built without a URI) to the checked address of {@code target}.
     *
     * @param target  the URL and its checked address, from {@link SsrfGuard#target}
     * @param request method, headers, body and timeout; its URI and Host header are set here
     * @param handler how the body is read
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(DialTarget target, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> handler) {
        request.uri(target.dialUri()).setHeader("Host", target.hostHeader());
        return clientFor(target).sendAsync(request.build(), handler);
    }

    private HttpClient clientFor(DialTarget target) {
        if (!target.https() || target.hostIsLiteral()) {
            return plain;
        }
        String serverName = target.serverName();
        synchronized (tlsByServerName) {
            return tlsByServerName.computeIfAbsent(serverName, this::tlsClient);
        }
    }

    /**
     * A client whose handshakes name {@code serverName}: the JDK sends it as SNI and, since the connection URI holds
     * only an address, checks the server certificate against this name (the default trust manager prefers the SNI
     * name for endpoint identification).
     */
    private HttpClient tlsClient(String serverName) {
        SSLParameters parameters;
        try {
            parameters = SSLContext.getDefault().getDefaultSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        return builder().sslParameters(parameters).build();
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
    }
}
