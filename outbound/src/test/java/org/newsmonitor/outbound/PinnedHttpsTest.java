package org.newsmonitor.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https over a pinned address, on loopback only: the server's certificate names {@code feeds.test} and nothing
 * else, the resolver fake sends that name to 127.0.0.1, and the client must verify the certificate against the
 * URL's host although it connects to an IP literal.
 */
class PinnedHttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static TrustManagerFactory trust;
    private static final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("feeds.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "feeds", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=feeds.test", "-ext", "SAN=dns:feeds.test", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static DialTarget target(String host) throws Exception {
        int port = server.getAddress().getPort();
        SsrfGuard guard = new SsrfGuard(name -> List.of(InetAddress.getByName("127.0.0.1")),
                AddressAllowList.of(List.of(host + ":" + port)));
        return guard.target(URI.create("https://" + host + ":" + port + "/hook"));
    }

    private static HttpResponse<Void> post(PinnedHttpClient client, DialTarget target) throws Exception {
        return client.sendAsync(target, HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(5)),
                HttpResponse.BodyHandlers.discarding()).get(10, TimeUnit.SECONDS);
    }

    private static SSLContext clientTls() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldVerifyTheCertificateAgainstTheUrlHostWhileDiallingTheCheckedAddress() throws Exception {
        DialTarget target = target("feeds.test");
        assertThat(target.dialUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(post(new PinnedHttpClient(Duration.ofSeconds(2), PinnedHttpsTest::clientTls), target).statusCode())
                .isEqualTo(204);
        assertThat(hosts).contains("feeds.test:" + server.getAddress().getPort());
    }

    @Test
    void shouldRefuseACertificateForAnotherNameEvenRightAfterAValidSessionOnTheSameAddress() throws Exception {
        // Given one client that just made a TLS session with feeds.test at 127.0.0.1
        PinnedHttpClient client = new PinnedHttpClient(Duration.ofSeconds(2), PinnedHttpsTest::clientTls);
        assertThat(post(client, target("feeds.test")).statusCode()).isEqualTo(204);
        // When it dials another name at the same address and port
        DialTarget other = target("other.test");
        // Then the certificate is checked against that name (no session resumed across names) and refused
        assertThatThrownBy(() -> post(client, other)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
    }
}
