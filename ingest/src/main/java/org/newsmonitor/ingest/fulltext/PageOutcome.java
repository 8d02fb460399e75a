package org.newsmonitor.ingest.fulltext;

import org.newsmonitor.ingest.fetch.FetchResult;

/**
 * What came of fetching one article page: its text, or why the feed's own text was published instead. The labels are
 * the keys of a feed's full-text counts (health, {@code news-feed-state}).
 */
public enum PageOutcome {
    /** The page's main text was published. */
    PAGE("page"),
    /**
     * robots.txt disallows the page for the monitor (or could not be read because the server failed), also when the
     * page redirects to a site whose robots.txt disallows (or cannot give) the target.
     */
    ROBOTS("robots"),
    /** The outbound guard refused the address (private, loopback, ...), or a redirect to one. */
    BLOCKED("blocked"),
    /** The page exceeded the size limit. */
    TOO_LARGE("too-large"),
    /** The page did not arrive within its time limit. */
    TIMEOUT("timeout"),
    /** The server answered an error status. */
    HTTP_STATUS("http-status"),
    /** DNS, refused connection, reset, or a body that could not be decoded. */
    NETWORK("network"),
    /** Too many redirects, a loop, or a bad Location. */
    REDIRECT("redirect"),
    /** The answer was not an HTML page (by its Content-Type, or binary bytes whatever it is labelled). */
    NOT_HTML("not-html"),
    /** The page is nested too deep or has too many elements to be read. */
    HOSTILE("hostile"),
    /** No article body was found, or it was not longer than the feed's text. */
    NO_MAIN_TEXT("no-main-text"),
    /**
     * The host's hourly page budget is spent, its robots.txt Crawl-delay has not passed since its last page, or no
     * connection slot to it came free in time.
     */
    HOST_LIMIT("host-limit"),
    /** This poll's time or page budget for full text was spent before the item's turn. */
    POLL_BUDGET("poll-budget"),
    /** The item has no http(s) link to fetch. */
    NO_LINK("no-link"),
    /** An unexpected failure while reading the page (logged). */
    ERROR("error");

    private final String label;

    PageOutcome(String label) {
        this.label = label;
    }

    /** The key in a feed's full-text counts. */
    public String label() {
        return label;
    }

    /** The outcome of a failed fetch. */
    static PageOutcome of(FetchResult.FailureKind kind) {
        return switch (kind) {
            case BLOCKED -> BLOCKED;
            case TOO_LARGE -> TOO_LARGE;
            case TIMEOUT -> TIMEOUT;
            case HTTP_STATUS, THROTTLED, GONE -> HTTP_STATUS;
            case REDIRECT -> REDIRECT;
            case REDIRECT_REFUSED -> ROBOTS;
            case NETWORK, BAD_BODY -> NETWORK;
        };
    }
}
