package org.newsmonitor.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a URL against the {@link SsrfPolicy} before any connection: scheme http(s) only, numeric host spellings
 * decoded, every resolved address classified. Called for the first request and again for every redirect hop.
 */
public final class AddressGuard {
    private final SsrfPolicy policy;
    private final HostResolver resolver;

    /**
     * @param policy   what is allowed
     * @param resolver how names are resolved
     */
    public AddressGuard(SsrfPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * Checks {@code uri}.
     *
     * @param uri an absolute URL; never null
     * @throws BlockedTargetException when the URL must not be fetched, saying why
     * @throws UnknownHostException   when its host does not resolve
     */
    public void check(URI uri) throws BlockedTargetException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedTargetException("scheme '" + scheme + "' is not allowed (only http and https)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new BlockedTargetException("URL has no host: " + uri);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (policy.allowPrivateNetworks() || policy.allows(host, port)) {
            return;
        }
        InetAddress numeric;
        try {
            numeric = AddressClassifier.numericIpv4(host);
        } catch (IllegalArgumentException e) {
            throw new BlockedTargetException(e.getMessage());
        }
        List<InetAddress> addresses = numeric != null ? List.of(numeric) : resolver.resolve(unbracket(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            String reason = AddressClassifier.internalReason(address);
            if (reason != null) {
                throw new BlockedTargetException(host + " resolves to " + address.getHostAddress() + ", " + reason
                        + ", which the SSRF policy refuses");
            }
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
