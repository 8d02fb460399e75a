package org.newsmonitor.ingest.fetch;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which network targets the ingester may connect to. By default only public addresses: loopback, private (RFC 1918,
 * unique-local), link-local, carrier-grade NAT, multicast and unspecified addresses are refused, whatever name
 * resolves to them, at every redirect hop.
 *
 * @param allowPrivateNetworks true to allow every internal address (for a monitor inside a private network)
 * @param allowedTargets       "host:port" entries allowed even though internal, e.g. "127.0.0.1:8081" for tests
 */
public record SsrfPolicy(boolean allowPrivateNetworks, Set<String> allowedTargets) {

    public SsrfPolicy {
        allowedTargets = allowedTargets == null ? Set.of()
                : allowedTargets.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Public addresses only. */
    public static SsrfPolicy publicOnly() {
        return new SsrfPolicy(false, Set.of());
    }

    /** Public addresses plus the given host:port targets. */
    public static SsrfPolicy publicOnlyExcept(String... hostPorts) {
        return new SsrfPolicy(false, Set.of(hostPorts));
    }

    /** True when host:port is explicitly allowed. */
    public boolean allows(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return allowedTargets.contains(h + ":" + port) || allowedTargets.contains("[" + h + "]:" + port);
    }
}
