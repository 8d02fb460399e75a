package org.newsmonitor.ingest.fulltext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.feed.FullTextOption;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.normalize.ArticleFlags;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.outbound.SsrfGuard;
import org.newsmonitor.themes.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the new items of one poll their full text: for each item whose text is a teaser ({@link TeaserRule}; every
 * item with a link when the feed says {@code fullText: always}; none when it says {@code off}) the article page is
 * fetched ({@link ArticlePageFetcher}) and its main text becomes the item's content, with {@code textSource: page}.
 * The pages of one poll are fetched one after another on the polling thread, within the poll's time and page budget,
 * so a slow site holds up only its own feed and only that long. No item is ever dropped: when the page cannot be had
 * (budget spent, robots.txt, SSRF refusal, too large, too slow, not HTML, hostile, no body found, any failure) the
 * item keeps the feed's text, and the reason is counted. Thread-safe.
 */
public final class FullTextEnricher {
    private static final Logger LOG = LoggerFactory.getLogger(FullTextEnricher.class);
    private static final FullTextEnricher OFF = new FullTextEnricher(FullTextSettings.off(), null);

    private final FullTextSettings settings;
    private final ArticlePageFetcher pages;

    /**
     * An enricher fetching pages through the ingester's outbound guard and host slots.
     *
     * @param settings when and within which limits pages are fetched
     * @param guard    the outbound SSRF guard (the same as the feeds')
     * @param slots    the ingester's connection slots per host
     * @param clock    time source
     */
    public FullTextEnricher(FullTextSettings settings, SsrfGuard guard, HostLimiter slots, Clock clock) {
        this(settings, new ArticlePageFetcher(new FeedFetcher(settings.pageLimits(), guard, clock), slots,
                new HostLimiter(settings.pageLimits().maxPerHost(), settings.pageRequestsPerHour()), clock));
    }

    FullTextEnricher(FullTextSettings settings, ArticlePageFetcher pages) {
        this.settings = settings;
        this.pages = pages;
    }

    /** An enricher that fetches nothing: every item keeps the feed's text. */
    public static FullTextEnricher off() {
        return OFF;
    }

    /**
     * The articles of one poll with the full text of teaser items taken from their pages.
     *
     * @param articles the poll's new articles, in publishing order
     * @param outcomes how often each {@link PageOutcome} happened, by label (empty when no page was due)
     */
    public record Enriched(List<MappedArticle> articles, Map<String, Long> outcomes) {
    }

    /**
     * Fetches the pages due for {@code fresh}.
     *
     * @param feed     the feed's definition (its fullText mode and contentSelector)
     * @param heldHost the feed's host, whose connection slot the polling thread holds; may be null
     * @param fresh    the poll's new articles; never null
     * @return the articles in the same order, each kept or with its page's text; never null
     */
    public Enriched enrich(FeedDefinition feed, String heldHost, List<MappedArticle> fresh) {
        return enrich(feed.id(), feed.fullText(), heldHost, fresh);
    }

    /**
     * Fetches the pages due for {@code fresh}, as {@link #enrich(FeedDefinition, String, List)} does for a feed of
     * the list, here for a feed known by its id (an archived feed in a replay).
     */
    public Enriched enrich(String feedId, FullTextOption option, String heldHost, List<MappedArticle> fresh) {
        if (!settings.enabled() || pages == null || option.mode() == FullTextOption.Mode.OFF || fresh.isEmpty()) {
            return new Enriched(fresh, Map.of());
        }
        long deadline = System.nanoTime() + settings.pollBudget().toNanos();
        Map<String, Long> outcomes = new TreeMap<>();
        List<MappedArticle> out = new ArrayList<>(fresh.size());
        int fetched = 0;
        String lastFailure = null;
        for (MappedArticle article : fresh) {
            ArticleEvent event = article.event();
            String teaser = option.mode() == FullTextOption.Mode.ALWAYS ? "always" : TeaserRule.teaserReason(event);
            if (teaser == null) {
                out.add(article);
                continue;
            }
            PageResult result;
            long left = deadline - System.nanoTime();
            if (event.url() == null) {
                result = PageResult.failed(PageOutcome.NO_LINK, "item " + event.id() + " has no link");
            } else if (fetched >= settings.maxPagesPerPoll() || left <= 0) {
                result = PageResult.failed(PageOutcome.POLL_BUDGET, event.url() + ": this poll's budget of "
                        + settings.maxPagesPerPoll() + " pages in " + settings.pollBudget().toSeconds() + " s is spent");
            } else {
                fetched++;
                result = fetch(event, option, heldHost, Duration.ofNanos(left));
            }
            outcomes.merge(result.outcome().label(), 1L, Long::sum);
            if (result.outcome() == PageOutcome.PAGE) {
                out.add(withPageText(article, result.text()));
                LOG.debug("Feed {}: full text of {} ({}) from its page: {}", feedId, event.id(), teaser,
                        result.detail());
            } else {
                out.add(article);
                lastFailure = result.detail();
                LOG.debug("Feed {}: feed text kept for {} ({}): {}", feedId, event.id(), result.outcome().label(),
                        result.detail());
            }
        }
        if (lastFailure != null) {
            LOG.info("Feed {}: article pages for teaser items: {}; the feed's text was kept where a page failed "
                    + "(last: {})", feedId, outcomes, lastFailure);
        }
        return new Enriched(out, outcomes);
    }

    private PageResult fetch(ArticleEvent event, FullTextOption option, String heldHost, Duration left) {
        String feedText = event.content() != null ? event.content() : event.summary();
        try {
            return pages.fetch(URI.create(event.url()), option.selector(), feedText, heldHost, left);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Article page {} could not be read: {}: {}", event.url(), e.getClass().getSimpleName(),
                    e.getMessage());
            return PageResult.failed(PageOutcome.ERROR, event.url() + ": " + e.getClass().getSimpleName());
        }
    }

    private static MappedArticle withPageText(MappedArticle article, String text) {
        Set<String> flags = new LinkedHashSet<>(article.flags());
        if (TextLimits.exceeds(text, TextLimits.MAX_CONTENT)) {
            flags.add(ArticleFlags.TRUNCATED);
        }
        ArticleEvent event = article.event().withText(TextLimits.truncate(text, TextLimits.MAX_CONTENT),
                ArticleEvent.TEXT_PAGE);
        return new MappedArticle(event, flags);
    }
}
