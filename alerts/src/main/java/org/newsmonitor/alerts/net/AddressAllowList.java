package org.newsmonitor.alerts.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Internal addresses the operator allows webhooks to reach anyway. Entries: an address ({@code 10.0.0.5}), an
 * address and port ({@code 127.0.0.1:8089}, {@code [::1]:8089}) or a CIDR range ({@code 10.1.0.0/16}).
 */
public final class AddressAllowList {
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
     * @throws IllegalArgumentException naming the entry that is not an address, address:port or CIDR range
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
        return entries.stream().anyMatch(e -> e.matches(address, port));
    }

    private record Entry(byte[] network, int prefix, int port) {
        static Entry parse(String spec) {
            String addressPart = spec;
            int port = -1;
            int prefix = -1;
            int slash = spec.indexOf('/');
            if (slash >= 0) {
                addressPart = spec.substring(0, slash);
                prefix = parseInt(spec, spec.substring(slash + 1));
            } else if (spec.startsWith("[") && spec.contains("]:")) {
                int close = spec.indexOf("]:");
                addressPart = spec.substring(0, close + 1);
                port = parseInt(spec, spec.substring(close + 2));
            } else if (spec.indexOf(':') > 0 && spec.indexOf(':') == spec.lastIndexOf(':')) {
                addressPart = spec.substring(0, spec.indexOf(':'));
                port = parseInt(spec, spec.substring(spec.indexOf(':') + 1));
            }
            InetAddress address = HostLiteral.parse(addressPart).orElseThrow(() -> new IllegalArgumentException(
                    "SSRF allow-list entry '" + spec + "' is not an address, address:port or CIDR range"));
            byte[] bytes = address.getAddress();
            if (prefix < 0) {
                prefix = bytes.length * 8;
            }
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("SSRF allow-list entry '" + spec + "' has a prefix longer than the address");
            }
            return new Entry(bytes, prefix, port);
        }

        private static int parseInt(String spec, String number) {
            try {
                return Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SSRF allow-list entry '" + spec + "' has a bad number '" + number + "'");
            }
        }

        boolean matches(InetAddress address, int dialledPort) {
            byte[] b = address.getAddress();
            if (b.length != network.length || (port >= 0 && port != dialledPort)) {
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
