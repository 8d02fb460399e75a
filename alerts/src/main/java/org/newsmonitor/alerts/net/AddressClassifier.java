package org.newsmonitor.alerts.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Says whether an address is internal (loopback, private, link-local, ...) and so must not be dialled for users. */
public final class AddressClassifier {
    private AddressClassifier() {
    }

    /** Why the address is internal, e.g. "loopback"; empty for a public address. */
    public static Optional<String> internalReason(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<InetAddress> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) {
                return internalReason(embedded.get()).map(r -> r + " (IPv4 inside IPv6)");
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private network");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            if (a0 == 0) {
                return Optional.of("'this network' range 0.0.0.0/8");
            }
            if (a0 == 100 && a1 >= 64 && a1 <= 127) {
                return Optional.of("carrier-grade NAT range 100.64.0.0/10");
            }
            if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("IETF protocol range 192.0.0.0/24");
            }
            if (a0 == 198 && (a1 == 18 || a1 == 19)) {
                return Optional.of("benchmarking range 198.18.0.0/15");
            }
            if (a0 >= 240) {
                return Optional.of("reserved range 240.0.0.0/4");
            }
        } else {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return Optional.of("unique local address fc00::/7");
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("site-local fec0::/10");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address carried inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    static Optional<InetAddress> embeddedIpv4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        boolean zeros80 = allZero(b, 0, 10);
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16)
                && !(allZero(b, 12, 15) && b[15] == 1);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return v4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> v4(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
