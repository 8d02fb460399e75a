package org.newsmonitor.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Internal targets the operator allows anyway (webhooks: {@code MONITOR_SSRF_ALLOW}; feeds:
 * {@code --allow-feed-host}). Entries: an address ({@code 10.0.0.5}), an address and port ({@code 127.0.0.1:8089},
 * {@code [::1]:8089}), a CIDR range ({@code 10.1.0.0/16}), or a host name with or without a port
 * ({@code feeds.intranet:8080}), which allows whatever that name resolves to.
 */
public final class AddressAllowList {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*");

    private final List<Entry> entries;

    private AddressAllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** An allow-list that allows nothing internal. */
    public static AddressAllowList none() {
        return new AddressAllowList(List.of());
    }

    /**
     * Parses the entries.
     *
     * @throws IllegalArgumentException naming the entry that is not an address, address:port, CIDR range or host name
     */
    public static AddressAllowList of(List<String> specs) {
        List<Entry> entries = new ArrayList<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            entries.add(Entry.parse(spec.strip()));
        }
        return new AddressAllowList(entries);
    }

    /** Whether the operator allows dialling this address on this port. */
    public boolean allows(InetAddress address, int port) {
        return allows(null, address, port);
    }

    /**
     * Whether the operator allows dialling this address on this port, reached through the URL host {@code host}.
     *
     * @param host the host as written in the URL; null when unknown (only address entries can then match)
     */
    public boolean allows(String host, InetAddress address, int port) {
        String name = host == null ? null : HostLiteral.bare(host).toLowerCase(Locale.ROOT);
        return entries.stream().anyMatch(e -> e.matches(name, address, port));
    }

    /** One entry: a network (address and prefix) or a host name, with a port or -1 for any. */
    private record Entry(byte[] network, int prefix, String name, int port) {
        static Entry parse(String spec) {
            String hostPart = spec;
            int port = -1;
            int prefix = -1;
            int slash = spec.indexOf('/');
            if (slash >= 0) {
                hostPart = spec.substring(0, slash);
                prefix = parseInt(spec, spec.substring(slash + 1));
            } else if (spec.startsWith("[") && spec.contains("]:")) {
                int close = spec.indexOf("]:");
                hostPart = spec.substring(0, close + 1);
                port = parseInt(spec, spec.substring(close + 2));
            } else if (spec.indexOf(':') > 0 && spec.indexOf(':') == spec.lastIndexOf(':')) {
                hostPart = spec.substring(0, spec.indexOf(':'));
                port = parseInt(spec, spec.substring(spec.indexOf(':') + 1));
            }
            InetAddress address = HostLiteral.parse(hostPart).orElse(null);
            if (address == null) {
                String name = HostLiteral.bare(hostPart).toLowerCase(Locale.ROOT);
                if (prefix >= 0 || !HOST_NAME.matcher(name).matches() || HostLiteral.isMalformedNumber(name)) {
                    throw new IllegalArgumentException("SSRF allow-list entry '" + spec
                            + "' is not an address, address:port, CIDR range or host name[:port]");
                }
                return new Entry(null, 0, name, port);
            }
            byte[] bytes = address.getAddress();
            if (prefix < 0) {
                prefix = bytes.length * 8;
            }
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("SSRF allow-list entry '" + spec
                        + "' has a prefix longer than the address");
            }
            return new Entry(bytes, prefix, null, port);
        }

        private static int parseInt(String spec, String number) {
            try {
                int value = Integer.parseInt(number);
                if (value < 0 || value > 65535) {
                    throw new NumberFormatException(number);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SSRF allow-list entry '" + spec + "' has a bad number '"
                        + number + "'");
            }
        }

        boolean matches(String host, InetAddress address, int dialledPort) {
            if (port >= 0 && port != dialledPort) {
                return false;
            }
            if (name != null) {
                return name.equals(host);
            }
            return inNetwork(address.getAddress());
        }

        private boolean inNetwork(byte[] b) {
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
