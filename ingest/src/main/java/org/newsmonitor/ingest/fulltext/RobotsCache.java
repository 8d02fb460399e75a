package org.newsmonitor.ingest.fulltext;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.FetchResult;
import org.newsmonitor.ingest.fetch.Validators;

/**
 * The robots.txt rules of each site whose article pages are fetched, read with crawler-commons and kept per site
 * (scheme, host and port) for {@link #RULES_TTL}; after that they are fetched again with a conditional GET. Following
 * RFC 9309: a robots.txt that is missing (any 4xx but 429) allows everything; one that cannot be had (5xx, 429,
 * network failure, timeout) disallows everything for {@link #UNREACHABLE_TTL}, after which it is tried again.
 * Thread-safe; at most {@value #MAX_SITES} sites are remembered (least recently used dropped first).
 */
final class RobotsCache {
    /** How long read rules are kept before a conditional re-fetch. */
    static final Duration RULES_TTL = Duration.ofHours(24);
    /** How long a site whose robots.txt could not be had is left alone. */
    static final Duration UNREACHABLE_TTL = Duration.ofMinutes(15);
    private static final int MAX_SITES = 10_000;
    private static final String ACCEPT = "text/plain, */*;q=0.5";

    private final FeedFetcher fetcher;
    private final String robotName;
    private final Clock clock;
    private final Map<String, Entry> sites = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_SITES;
        }
    };

    /**
     * @param fetcher   the page fetcher (its SSRF guard and limits apply to robots.txt too)
     * @param robotName the product token matched against User-agent lines, e.g. "news-monitor"
     * @param clock     time source for expiry
     */
    RobotsCache(FeedFetcher fetcher, String robotName, Clock clock) {
        this.fetcher = fetcher;
        this.robotName = robotName.toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    /**
     * Whether a page may be fetched: {@code refusal} null when it may, otherwise why not; with the site's Crawl-delay
     * for the monitor (null when it names none).
     */
    record Verdict(PageOutcome refusal, String reason, Duration crawlDelay) {
        Verdict(PageOutcome refusal, String reason) {
            this(refusal, reason, null);
        }

        static Verdict allowed(BaseRobotRules rules) {
            long delay = rules.getCrawlDelay();
            return new Verdict(null, null, delay > 0 ? Duration.ofMillis(delay) : null);
        }

        boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * Whether {@code page} may be fetched, reading the site's robots.txt first when it is not known or has expired.
     *
     * @param page      the article page; an absolute http(s) URL
     * @param timeLimit longest time a robots.txt fetch may take
     * @return the verdict; never null
     */
    Verdict check(URI page, Duration timeLimit) {
        String site = site(page);
        Instant now = clock.instant();
        Entry entry;
        synchronized (sites) {
            entry = sites.get(site);
        }
        if (entry == null || !now.isBefore(entry.expiresAt)) {
            entry = fetch(site, entry, timeLimit, now);
            synchronized (sites) {
                sites.put(site, entry);
            }
        }
        if (entry.unavailable != null) {
            return entry.unavailable;
        }
        return entry.rules.isAllowed(page.toString()) ? Verdict.allowed(entry.rules)
                : new Verdict(PageOutcome.ROBOTS, site + "/robots.txt disallows " + page.getRawPath());
    }

    private Entry fetch(String site, Entry previous, Duration timeLimit, Instant now) {
        URI robots = URI.create(site + "/robots.txt");
        Validators validators = previous == null || previous.rules == null ? Validators.NONE : previous.validators;
        FetchResult result = fetcher.fetch(robots, validators, ACCEPT, timeLimit);
        if (result instanceof FetchResult.NotModified && previous != null && previous.rules != null) {
            return new Entry(previous.rules, previous.validators, null, now.plus(RULES_TTL));
        }
        if (result instanceof FetchResult.Fetched fetched) {
            BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robots.toString(), fetched.body(),
                    fetched.contentType() == null ? "text/plain" : fetched.contentType(), List.of(robotName));
            return new Entry(rules, fetched.validators(), null, now.plus(RULES_TTL));
        }
        if (result instanceof FetchResult.Failed failed) {
            int status = failed.status();
            if (status >= 400 && status < 500 && status != 429) {
                // no robots.txt: everything is allowed
                BaseRobotRules all = new SimpleRobotRulesParser().failedFetch(404);
                return new Entry(all, Validators.NONE, null, now.plus(RULES_TTL));
            }
            PageOutcome outcome = status >= 500 || status == 429 ? PageOutcome.ROBOTS : PageOutcome.of(failed.kind());
            Verdict refused = new Verdict(outcome, robots + " could not be read (" + failed.reason()
                    + "); the site is left alone until " + now.plus(UNREACHABLE_TTL));
            return new Entry(null, Validators.NONE, refused, now.plus(UNREACHABLE_TTL));
        }
        Verdict refused = new Verdict(PageOutcome.ROBOTS, robots + " answered 304 to an unconditional request");
        return new Entry(null, Validators.NONE, refused, now.plus(UNREACHABLE_TTL));
    }

    static String site(URI page) {
        String scheme = page.getScheme().toLowerCase(Locale.ROOT);
        String host = page.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (page.getPort() < 0 ? "" : ":" + page.getPort());
    }

    /** A site's rules, or why they could not be had; kept until {@code expiresAt}. */
    private record Entry(BaseRobotRules rules, Validators validators, Verdict unavailable, Instant expiresAt) {
    }
}
