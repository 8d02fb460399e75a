/**
 * The outbound-address guard: every URL the monitor dials on behalf of a user or a feed list (feed fetches and their
 * redirect hops, webhook deliveries) goes through {@link org.newsmonitor.outbound.SsrfGuard} and then
 * {@link org.newsmonitor.outbound.PinnedHttpClient}. JDK only, so both services can use it without importing each
 * other.
 *
 * <p>What is refused: {@link org.newsmonitor.outbound.HostLiteral} reads every spelling of an address that resolvers
 * accept ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}, bracketed IPv6) and flags
 * number-like hosts that are no valid address, so they never reach DNS; {@link
 * org.newsmonitor.outbound.AddressClassifier} names the internal ranges, judging IPv4 carried inside IPv6 (mapped,
 * compatible, NAT64, 6to4, Teredo) by the IPv4 inside; {@link org.newsmonitor.outbound.AddressAllowList} holds the
 * operator's exceptions ({@code MONITOR_SSRF_ALLOW}, {@code --allow-feed-host}). A name is refused when any of its
 * addresses is internal and not allowed.
 *
 * <p>Pinning: checking a name and then letting the HTTP client resolve it again would leave a window for DNS
 * rebinding (the second answer may be 127.0.0.1). {@link org.newsmonitor.outbound.SsrfGuard#target} returns the
 * one checked address as a {@link org.newsmonitor.outbound.DialTarget}, and the client connects to that address
 * literally: the request URI holds the IP, the {@code Host} header holds the URL's host (java.net.http allows that
 * header once {@code jdk.httpclient.allowRestrictedHeaders=host} is set: this package sets it before the JDK client
 * is first used, the {@code monitor} script and image pass it too, and the client refuses to start if it did not
 * take), and for https a client per host name sends that name as SNI; the JDK's default trust manager then checks
 * the certificate against the SNI name rather than against the IP. Each such client has its own TLS context,
 * because the JDK caches client sessions by address and port and would otherwise resume a session made for one
 * name when dialling another name on the same address, skipping the certificate check. No client on the classpath offers a DNS hook
 * (Javalin brings Jetty's server, not its client), so this keeps the JDK client and pins by URI. Redirects are
 * never followed by the client; callers that follow them (feeds) check every hop with the guard again.
 */
package org.newsmonitor.outbound;
