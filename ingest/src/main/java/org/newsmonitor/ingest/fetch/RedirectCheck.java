package org.newsmonitor.ingest.fetch;

import java.net.URI;

/**
 * A caller's own rule for the redirects a fetch may follow, asked before each hop after the SSRF guard allowed it
 * (e.g. the robots.txt of the site a link redirects to).
 */
@FunctionalInterface
public interface RedirectCheck {
    /** Every redirect the SSRF guard allows is followed. */
    RedirectCheck ANY = next -> null;

    /**
     * Whether the fetch may follow a redirect to {@code next}.
     *
     * @param next the absolute target of the redirect
     * @return null when it may; otherwise why not, in one line
     */
    String refusal(URI next);
}
