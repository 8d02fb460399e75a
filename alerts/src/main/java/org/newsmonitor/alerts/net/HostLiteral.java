package org.newsmonitor.alerts.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a URL host that is an address literal in any of the forms resolvers accept: dotted IPv4 with one to four
 * parts in decimal, octal ({@code 0177}) or hex ({@code 0x7f}) ({@code 127.1}, {@code 2130706433},
 * {@code 0x7f.0.0.1}), and bracketed IPv6 ({@code [::1]}, {@code [::ffff:127.0.0.1]}).
 */
public final class HostLiteral {
    private HostLiteral() {
    }

    /** The address the host names without DNS, or empty when it is a host name. */
    public static Optional<InetAddress> parse(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains(":")) {
            return ipv6(h);
        }
        return ipv4(h.toLowerCase(Locale.ROOT));
    }

    private static Optional<InetAddress> ipv6(String h) {
        if (!h.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            return Optional.empty();
        }
        try {
            // a literal with ':' is parsed by the JDK without any lookup
            return Optional.of(InetAddress.getByName("[" + h + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        // the last part fills all remaining bytes, as inet_aton does
        long max = (1L << (8 * (4 - last))) - 1;
        if (values[last] > max) {
            return Optional.empty();
        }
        address |= values[last];
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(h, bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            if (!part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
