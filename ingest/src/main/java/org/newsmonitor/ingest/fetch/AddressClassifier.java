package org.newsmonitor.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Tells internal network addresses from public ones, and reads the numeric host spellings that resolve to them
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}).
 */
public final class AddressClassifier {
    private AddressClassifier() {
    }

    /**
     * Why {@code address} is internal, or null when it is a public address.
     *
     * @param address an address; never null
     * @return e.g. "a loopback address"; null for public addresses
     */
    public static String internalReason(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Reason(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "a private address (unique local)";
            }
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    String inner = internalReason(InetAddress.getByAddress(embedded));
                    return inner == null ? null : inner + " (embedded in IPv6)";
                } catch (UnknownHostException impossible) {
                    return "an invalid address";
                }
            }
        }
        return null;
    }

    private static String ipv4Reason(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0) {
            return "a 'this network' address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a shared (carrier-grade NAT) address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xFF) == 0) {
            return "an IETF protocol address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address";
        }
        if (first >= 240) {
            return "a reserved address";
        }
        return null;
    }

    // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:a.b.c.d::
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && ((b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0))) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    /**
     * Reads a host written as a number the way inet_aton does: 1 to 4 dot-separated parts, each decimal, octal
     * (leading 0) or hexadecimal (0x). Such hosts must never reach DNS, where they could mean something else.
     *
     * @param host a host name; never null
     * @return the IPv4 address, or null when {@code host} is not a numeric spelling
     * @throws IllegalArgumentException when it looks numeric but is not a valid address
     */
    public static InetAddress numericIpv4(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || !h.matches("[0-9a-fx.]+") || !Character.isDigit(h.charAt(0))) {
            return null;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("numeric host " + host + " has more than four parts");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new IllegalArgumentException("numeric host " + host + " has a part over 255");
            }
            address = (address << 8) | values[i];
        }
        int lastBits = 8 * (4 - (parts.length - 1));
        long last = values[parts.length - 1];
        if (last >= (1L << lastBits)) {
            throw new IllegalArgumentException("numeric host " + host + " is out of range");
        }
        address = (address << lastBits) | last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("numeric host " + host + " is invalid");
        }
    }

    private static long part(String p, String host) {
        try {
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return Long.parseLong(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("numeric host " + host + " has an invalid part '" + p + "'");
        }
    }
}
