package org.newsmonitor.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
    private final Supplier<SSLContext> tlsContexts;
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
        this(connectTimeout, PinnedHttpClient::defaultTls);
    }

    /**
     * A client whose TLS contexts come from {@code tlsContexts}, one per server name (tests trust their own
     * certificate authority this way).
     */
    PinnedHttpClient(Duration connectTimeout, Supplier<SSLContext> tlsContexts) {
        this.connectTimeout = connectTimeout;
        this.tlsContexts = tlsContexts;
        try {
            HttpRequest.newBuilder().header("Host", "example.org");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("java.net.http refuses the Host header that pins outbound connections; "
                    + "start the JVM with -D" + RESTRICTED_HEADERS + "=host", e);
        }
        this.plain = builder(tlsContexts.get()).build();
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
     * name for endpoint identification). It has a TLS context of its own: the JDK caches client sessions by peer
     * address and port, so a shared context could resume, without a certificate check, a session made for another
     * name on the same address.
     */
    private HttpClient tlsClient(String serverName) {
        SSLContext tls = tlsContexts.get();
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        return builder(tls).sslParameters(parameters).build();
    }

    private HttpClient.Builder builder(SSLContext tls) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).sslContext(tls);
    }

    /** A new context with the JVM's default trust store and key managers. */
    private static SSLContext defaultTls() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, null, null);
            return tls;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
