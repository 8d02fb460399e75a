package org.newsmonitor.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Says whether an address is internal (loopback, private, link-local, ...) and so must not be dialled for users.
 * An IPv4 address carried inside IPv6 (mapped, compatible, NAT64, 6to4, Teredo) is judged by the IPv4 inside.
 */
public final class AddressClassifier {
    private AddressClassifier() {
    }

    /** Why the address is internal, e.g. "loopback"; empty for a public address. */
    public static Optional<String> internalReason(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            for (InetAddress inner : embeddedIpv4(v6)) {
                Optional<String> reason = internalReason(inner);
                if (reason.isPresent()) {
                    return Optional.of(reason.get() + " (IPv4 " + inner.getHostAddress() + " inside IPv6)");
                }
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
        return address instanceof Inet4Address ? ipv4Reason(b) : ipv6Reason(b);
    }

    private static Optional<String> ipv4Reason(byte[] b) {
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
        return Optional.empty();
    }

    private static Optional<String> ipv6Reason(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique local address fc00::/7");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local fec0::/10");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 addresses an IPv6 address carries: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
     * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} and {@code 64:ff9b:1::/48}, 6to4 {@code 2002:AABB:CCDD::}, and
     * Teredo {@code 2001:0::/32} (server in bits 32-63, client inverted in the last 32 bits). Empty for other
     * addresses.
     */
    static List<InetAddress> embeddedIpv4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        List<InetAddress> inner = new ArrayList<>();
        boolean zeros80 = allZero(b, 0, 10);
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        // :: and ::1 are the unspecified and loopback addresses, not compatible forms of 0.0.0.0 and 0.0.0.1
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16)
                && !(allZero(b, 12, 15) && b[15] == 1);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && (allZero(b, 4, 12) || (b[4] == 0 && b[5] == 1));
        if (mapped || compatible || nat64) {
            inner.add(v4(Arrays.copyOfRange(b, 12, 16)));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            inner.add(v4(Arrays.copyOfRange(b, 2, 6)));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            inner.add(v4(Arrays.copyOfRange(b, 4, 8)));
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            inner.add(v4(client));
        }
        return inner;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
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
