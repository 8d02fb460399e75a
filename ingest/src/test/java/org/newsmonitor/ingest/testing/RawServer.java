package org.newsmonitor.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server on 127.0.0.1 for protocol abuse an HTTP server library would not commit: slow drip, a lying
 * Content-Length, a reset in the middle of the body, headers that never come. Each connection runs the script.
 */
public final class RawServer implements AutoCloseable {
    /** What to do with one accepted connection (the request has already been read). */
    @FunctionalInterface
    public interface Script {
        void handle(Socket socket, CountDownLatch stop) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private RawServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Starts accepting connections and running {@code script} on each. */
    public static RawServer start(Script script) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        RawServer raw = new RawServer(server);
        raw.executor.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    raw.connections.incrementAndGet();
                    raw.executor.submit(() -> {
                        try (s) {
                            readRequestHead(s.getInputStream());
                            script.handle(s, raw.stop);
                        } catch (IOException | InterruptedException e) {
                            // client gave up: expected in these tests
                        }
                        return null;
                    });
                } catch (IOException e) {
                    return null;
                }
            }
            return null;
        });
        return raw;
    }

    /** Writes ASCII text. */
    public static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** "127.0.0.1:port", for SSRF allow-lists. */
    public String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** An absolute URL on this server. */
    public URI url(String path) {
        return URI.create("http://" + hostPort() + path);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop.countDown();
        socket.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
