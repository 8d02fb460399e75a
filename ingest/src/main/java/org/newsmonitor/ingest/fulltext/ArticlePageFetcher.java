package org.newsmonitor.ingest.fulltext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.FetchResult;
import org.newsmonitor.ingest.fetch.Validators;
import org.newsmonitor.ingest.parse.CharsetSniffer;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.fetch.RedirectCheck;

/**
 * Fetches one article page and extracts its main text, politely and within bounds: the site's robots.txt is
 * respected ({@link RobotsCache}), its Crawl-delay too ({@link CrawlDelays}), and a redirect to another site is followed
 * only where that site's robots.txt allows it; each host has an hourly page budget and shares the ingester's connection slots per
 * host; the fetch goes through the ingester's fetcher (the outbound SSRF guard on every hop, size limit after
 * decompression, one deadline for the whole fetch); a page fetched before is asked for with a conditional GET. Any
 * failure is a {@link PageResult} with its reason, never an exception. Thread-safe.
 */
public final class ArticlePageFetcher {
    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
    /** Longest wait for a connection slot to a host other than the feed's. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(2);
    /** Shortest main text accepted from a page. */
    static final int MIN_PAGE_CHARS = 150;
    /** Shortest main text accepted from a page of mostly CJK text. */
    static final int MIN_CJK_PAGE_CHARS = 60;

    private final FeedFetcher fetcher;
    private final RobotsCache robots;
    private final HostLimiter slots;
    private final HostLimiter budget;
    private final PageCache cache;
    private final CrawlDelays crawlDelays = new CrawlDelays();
    private final Clock clock;

    /**
     * @param fetcher the fetcher with the page limits (its SSRF guard is the ingester's)
     * @param slots   the ingester's connection slots per host (shared with feed polls)
     * @param budget  page requests per host and hour
     * @param clock   time source
     */
    public ArticlePageFetcher(FeedFetcher fetcher, HostLimiter slots, HostLimiter budget, Clock clock) {
        this.fetcher = fetcher;
        this.robots = new RobotsCache(fetcher, FullTextSettings.ROBOT_NAME, clock);
        this.slots = slots;
        this.budget = budget;
        this.cache = new PageCache(1_000);
        this.clock = clock;
    }

    /**
     * Fetches {@code page} and extracts its main text.
     *
     * @param page       the article's link; never null
     * @param selector   the feed's CSS selector for the body; may be null
     * @param feedText   the feed's own text of the item; the page's must be longer to be used; never null
     * @param heldHost   the host whose connection slot the caller already holds (the feed's); may be null
     * @param timeLimit  longest time robots.txt and the page together may take
     * @return the text or why there is none; never null
     */
    public PageResult fetch(URI page, String selector, String feedText, String heldHost, Duration timeLimit) {
        if (page.getScheme() == null || !page.getScheme().matches("(?i)https?") || page.getHost() == null) {
            return PageResult.failed(PageOutcome.NO_LINK, "not an http(s) link: " + page);
        }
        String host = page.getHost().toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + timeLimit.toNanos();
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            return PageResult.failed(PageOutcome.POLL_BUDGET, page + ": no time left in this poll");
        }
        boolean ownSlot = heldHost == null || !heldHost.equalsIgnoreCase(host);
        Duration slotWait = min(SLOT_WAIT, timeLimit);
        if (ownSlot && !slots.tryAcquire(host, slotWait)) {
            return PageResult.failed(PageOutcome.HOST_LIMIT, page + ": no connection slot to " + host
                    + " came free within " + slotWait.toMillis() + " ms");
        }
        try {
            RobotsCache.Verdict verdict = robots.check(page, remaining(deadline));
            if (!verdict.allowed()) {
                return PageResult.failed(verdict.refusal(), verdict.reason());
            }
            Instant now = clock.instant();
            Instant delayedUntil = crawlDelays.take(RobotsCache.site(page), verdict.crawlDelay(), now);
            if (delayedUntil != null) {
                return PageResult.failed(PageOutcome.HOST_LIMIT, page + ": " + RobotsCache.site(page)
                        + "/robots.txt asks for a Crawl-delay of " + verdict.crawlDelay().toSeconds()
                        + " s between pages; the next may be fetched at " + delayedUntil);
            }
            if (budget.spend(host, now) != null) {
                return PageResult.failed(PageOutcome.HOST_LIMIT, page + ": the hourly budget of "
                        + budget.requestsPerHour() + " page requests to " + host + " is spent");
            }
            return fetchAllowed(page, selector, feedText, deadline);
        } finally {
            if (ownSlot) {
                slots.release(host);
            }
        }
    }

    private PageResult fetchAllowed(URI page, String selector, String feedText, long deadline) {
        Duration timeLimit = remaining(deadline);
        if (timeLimit.isZero()) {
            return PageResult.failed(PageOutcome.TIMEOUT, page + ": no time left after reading robots.txt");
        }
        String key = page.toString();
        PageCache.Cached cached = cache.get(key);
        // a redirect to another site is followed only where that site's robots.txt allows the target
        RedirectCheck robotsOfTarget = next -> {
            if (RobotsCache.site(next).equals(RobotsCache.site(page))) {
                return null;
            }
            RobotsCache.Verdict verdict = robots.check(next, remaining(deadline));
            return verdict.allowed() ? null : verdict.reason();
        };
        FetchResult result = fetcher.fetch(page, cached == null ? Validators.NONE : cached.validators(), ACCEPT,
                timeLimit, robotsOfTarget);
        if (result instanceof FetchResult.Failed failed) {
            return PageResult.failed(PageOutcome.of(failed.kind()), page + ": " + failed.reason());
        }
        if (result instanceof FetchResult.NotModified) {
            return cached == null ? PageResult.failed(PageOutcome.HTTP_STATUS, page + ": 304 to a plain GET")
                    : PageResult.page(cached.text(), page + ": not modified, text reused");
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        if (!looksLikeHtml(fetched.contentType(), fetched.body())) {
            return PageResult.failed(PageOutcome.NOT_HTML, page + ": Content-Type "
                    + (fetched.contentType() == null ? "missing and the body is not markup" : fetched.contentType()));
        }
        if (BinarySniffer.binary(fetched.body())) {
            return PageResult.failed(PageOutcome.NOT_HTML, page + ": labelled " + fetched.contentType()
                    + ", but the body is binary (control bytes in its first " + BinarySniffer.SNIFFED + ")");
        }
        MainText main;
        try {
            main = MainTextExtractor.extract(parse(fetched), selector);
        } catch (HostilePageException e) {
            return PageResult.failed(PageOutcome.HOSTILE, page + ": " + e.getMessage());
        }
        int min = Math.max(feedText.codePointCount(0, feedText.length()) + 1,
                TeaserRule.mostlyCjk(main.text()) ? MIN_CJK_PAGE_CHARS : MIN_PAGE_CHARS);
        if (main.length() < min) {
            return PageResult.failed(PageOutcome.NO_MAIN_TEXT, page + ": main text of " + main.length()
                    + " characters (" + main.method() + "); at least " + min + " needed");
        }
        cache.put(key, fetched.validators(), main.text());
        return PageResult.page(main.text(), page + ": " + main.length() + " characters (" + main.method() + ")");
    }

    static Document parse(FetchResult.Fetched fetched) {
        String base = fetched.finalUri().toString();
        String charset = CharsetSniffer.httpCharset(fetched.contentType());
        try {
            return Jsoup.parse(new ByteArrayInputStream(fetched.body()), charset, base);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // a charset no JVM knows: let the page's BOM and meta tag decide, else UTF-8
            return parseDetecting(fetched.body(), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parseDetecting(byte[] body, String base) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean looksLikeHtml(String contentType, byte[] body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.contains("html");
        }
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
