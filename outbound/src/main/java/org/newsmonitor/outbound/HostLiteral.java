package org.newsmonitor.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL host that is an address literal in any of the forms resolvers accept: dotted IPv4 with one to four
 * parts in decimal, octal ({@code 0177}) or hex ({@code 0x7f}) as inet_aton reads them ({@code 127.1},
 * {@code 2130706433}, {@code 0x7f.0.0.1}), and bracketed IPv6 ({@code [::1]}, {@code [::ffff:127.0.0.1]}).
 */
public final class HostLiteral {
    private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?");

    private HostLiteral() {
    }

    /** The address the host names without DNS, or empty when it is a host name (or a bad numeric spelling). */
    public static Optional<InetAddress> parse(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = bare(host);
        if (h.contains(":")) {
            return ipv6(h);
        }
        return ipv4(h.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the host is spelled like a number, every part decimal or 0x-hexadecimal ({@code 999.1.1.1},
     * {@code 1.2.3.4.5}, {@code 08.0.0.1}), without being a
     * valid address: such a host must never reach DNS, where it could mean something else.
     */
    public static boolean isMalformedNumber(String host) {
        if (host == null) {
            return false;
        }
        String h = bare(host).toLowerCase(Locale.ROOT);
        return NUMERIC.matcher(h).matches() && !h.contains(":") && ipv4(h).isEmpty();
    }

    /** The host without brackets, surrounding spaces and a trailing root dot. */
    static String bare(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static Optional<InetAddress> ipv6(String h) {
        if (!IPV6.matcher(h).matches()) {
            return Optional.empty();
        }
        try {
            // a bracketed literal is parsed by the JDK without any look-up
            return Optional.of(InetAddress.getByName("[" + h + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
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
        if (values[last] > (1L << (8 * (4 - last))) - 1) {
            return Optional.empty();
        }
        address |= values[last];
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(h, bytes));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        if (part.isEmpty() || part.length() > 12) {
            return null;
        }
        try {
            if (part.startsWith("0x")) {
                String hex = part.substring(2);
                return hex.isEmpty() ? Long.valueOf(0) : hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                        ? Long.valueOf(Long.parseLong(hex, 16)) : null;
            }
            if (!part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
