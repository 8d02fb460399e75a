package org.newsmonitor.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * A URL together with the one address the {@link SsrfGuard} checked for it: the connection goes to that address, so
 * no second DNS look-up can lead elsewhere.
 *
 * @param url     the URL as given, whose host is sent in the Host header and used for TLS (SNI and certificate)
 * @param host    the URL's host as written (brackets kept for IPv6)
 * @param port    the port dialled, the scheme's default when the URL has none
 * @param address the checked address to connect to
 */
public record DialTarget(URI url, String host, int port, InetAddress address) {

    /** Whether the URL is https. */
    public boolean https() {
        return "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
    }

    /** Whether the URL names an address rather than a host name (then TLS has no server name to send). */
    public boolean hostIsLiteral() {
        return HostLiteral.parse(host).isPresent();
    }

    /** The URL with its host replaced by the checked address: what the HTTP client connects to. */
    public URI dialUri() {
        String literal = address instanceof Inet6Address ? "[" + withoutScope(address.getHostAddress()) + "]"
                : address.getHostAddress();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + literal + ":" + port + path + query);
    }

    /** The Host header the server expects: the URL's host, with the port when the URL names one. */
    public String hostHeader() {
        int explicit = SsrfGuard.port(url);
        return explicit >= 0 ? host + ":" + explicit : host;
    }

    /** The host name for TLS server name indication and certificate checks, without brackets or root dot. */
    public String serverName() {
        return HostLiteral.bare(host).toLowerCase(Locale.ROOT);
    }

    private static String withoutScope(String v6) {
        int percent = v6.indexOf('%');
        return percent < 0 ? v6 : v6.substring(0, percent);
    }
}
