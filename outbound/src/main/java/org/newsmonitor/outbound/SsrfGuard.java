package org.newsmonitor.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps URLs dialled for users (feeds, webhooks) away from internal services: a URL is refused when its host is, or
 * resolves to, a loopback, private, link-local or otherwise internal address that the operator has not allowed.
 * {@link #target} returns the checked address, which {@link PinnedHttpClient} then connects to.
 */
public final class SsrfGuard {
    private final Resolver resolver;
    private final AddressAllowList allowList;

    /**
     * @param resolver  how host names are resolved
     * @param allowList internal targets that are allowed anyway
     */
    public SsrfGuard(Resolver resolver, AddressAllowList allowList) {
        this.resolver = resolver;
        this.allowList = allowList;
    }

    /**
     * Checks a URL at registration time. A host that does not resolve now is accepted (it is checked again before
     * every delivery); a host that is or resolves to a refused address is not.
     *
     * @throws BlockedAddressException naming the address and why it is refused
     */
    public void checkRegistration(URI url) throws BlockedAddressException {
        try {
            addressesToDial(url);
        } catch (UnknownHostException e) {
            // cannot resolve now: nothing to dial, so nothing to refuse yet
        }
    }

    /**
     * Checks a URL right before dialling it and returns the address to connect to: the first of the resolved
     * addresses, all of which passed. Connect to this address and to no other (see {@link PinnedHttpClient}).
     *
     * @throws BlockedAddressException naming the address and why it is refused
     * @throws UnknownHostException    when the host does not resolve
     */
    public DialTarget target(URI url) throws BlockedAddressException, UnknownHostException {
        List<InetAddress> addresses = addressesToDial(url);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int explicit = port(url);
        return new DialTarget(url, host(url), explicit >= 0 ? explicit : scheme.equals("https") ? 443 : 80,
                addresses.get(0));
    }

    /**
     * Checks a URL and returns every address its host resolves to; all of them passed. Callers that connect use
     * {@link #target} instead, which pins the connection to one of them.
     *
     * @throws BlockedAddressException naming the address and why it is refused
     * @throws UnknownHostException    when the host does not resolve
     */
    public List<InetAddress> addressesToDial(URI url) throws BlockedAddressException, UnknownHostException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException("only http and https URLs can be dialled, not '" + scheme + "'");
        }
        String host = host(url);
        if (host == null || host.isBlank()) {
            throw new BlockedAddressException("the URL has no host");
        }
        if (HostLiteral.isMalformedNumber(host)) {
            throw new BlockedAddressException("host '" + host + "' is spelled as a number but is not a valid address");
        }
        int explicitPort = port(url);
        int port = explicitPort >= 0 ? explicitPort : scheme.equals("https") ? 443 : 80;
        Optional<InetAddress> literal = HostLiteral.parse(host);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get())
                : resolver.resolve(HostLiteral.bare(host).toLowerCase(Locale.ROOT));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no addresses");
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = AddressClassifier.internalReason(address);
            if (reason.isPresent() && !allowList.allows(host, address, port)) {
                throw new BlockedAddressException("host '" + host + "' is " + address.getHostAddress() + ", a "
                        + reason.get() + " address, which is not allowed");
            }
        }
        return addresses;
    }

    /**
     * The host of a URL, also when java.net.URI does not see one: it reads "127.1" or "0x7f.0.0.1" as a
     * registry-based authority, yet HTTP clients and resolvers still dial them.
     */
    public static String host(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        String hostPort = hostPort(url);
        if (hostPort == null) {
            return null;
        }
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 ? hostPort.substring(0, close + 1) : hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        return colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    }

    /** The port written in the URL, or -1 when it names none. */
    static int port(URI url) {
        if (url.getHost() != null) {
            return url.getPort();
        }
        String hostPort = hostPort(url);
        if (hostPort == null) {
            return -1;
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.lastIndexOf(']') > colon) {
            return -1;
        }
        try {
            return Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String hostPort(URI url) {
        String authority = url.getRawAuthority();
        return authority == null ? null : authority.substring(authority.lastIndexOf('@') + 1);
    }
}
