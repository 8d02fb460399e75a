/**
 * Protection against server-side request forgery: user-supplied webhook URLs must not reach internal services.
 *
 * <p>{@link org.newsmonitor.alerts.net.HostLiteral} reads every spelling of an address literal that resolvers accept,
 * {@link org.newsmonitor.alerts.net.AddressClassifier} names internal ranges (also when carried inside IPv6),
 * {@link org.newsmonitor.alerts.net.AddressAllowList} holds the operator's exceptions and
 * {@link org.newsmonitor.alerts.net.SsrfGuard} applies them at registration and again before every delivery.
 */
package org.newsmonitor.alerts.net;
