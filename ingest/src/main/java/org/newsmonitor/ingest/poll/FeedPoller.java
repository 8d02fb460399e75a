package org.newsmonitor.ingest.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.FeedFetcher;
import org.newsmonitor.ingest.fetch.FetchResult;
import org.newsmonitor.ingest.fetch.Validators;
import org.newsmonitor.ingest.fulltext.FullTextEnricher;
import org.newsmonitor.ingest.normalize.ArticleMapper;
import org.newsmonitor.ingest.normalize.FeedContext;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.CharsetSniffer;
import org.newsmonitor.ingest.parse.FeedParseException;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.parse.ParsedFeed;
import org.newsmonitor.ingest.publish.ArticlePublisher;
import org.newsmonitor.ingest.publish.PublishException;
import org.newsmonitor.ingest.publish.PublishReceipt;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.state.SeenIds;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: fetch with the committed validators, parse, normalise, keep only items not seen before, and
 * publish them together with the feed's new state in one transaction. Validators, URL and seen ids advance only when
 * that transaction commits; after a failed publish the committed state is re-read before the next one, so nothing is
 * lost and nothing is published twice. Failures are recorded in the feed's health and logged in one line.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final int RECENT_IDS = 50_000;

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticlePublisher publisher;
    private final FeedStateStore store;
    private final Collection<FeedRuntime> feeds;
    private final BackoffPolicy backoff;
    private final PollingPolicy policy;
    private final FullTextEnricher fullText;
    private final int maxSeenIds;
    private final Clock clock;
    private final RandomGenerator random;
    private final KafkaStatus kafka = new KafkaStatus();
    private final Map<String, Boolean> recentIds = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_IDS;
        }
    };
    private boolean stale;
    /** One document of a feed (polled or pushed) is de-duplicated and committed at a time. */
    private final Map<String, Object> documentLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile FeedPush push = FeedPush.NONE;

    /**
     * @param fetcher    HTTP fetching
     * @param publisher  where articles and states go
     * @param store      the committed feed states, re-read after a failed publish
     * @param feeds      every feed of this ingester (their committed state is refreshed together)
     * @param backoff    delays after failures
     * @param maxSeenIds seen ids kept per feed (at least the ids of the latest document are always kept)
     * @param clock      time source
     * @param random     jitter source
     */
    public FeedPoller(FeedFetcher fetcher, ArticlePublisher publisher, FeedStateStore store,
            Collection<FeedRuntime> feeds, BackoffPolicy backoff, int maxSeenIds, Clock clock, RandomGenerator random) {
        this(fetcher, publisher, store, feeds, backoff, PollingPolicy.defaults(), maxSeenIds, clock, random);
    }

    /**
     * A poller whose feeds are due as {@code policy} decides after each poll.
     *
     * @see #FeedPoller(FeedFetcher, ArticlePublisher, FeedStateStore, Collection, BackoffPolicy, int, Clock,
     *      RandomGenerator)
     */
    public FeedPoller(FeedFetcher fetcher, ArticlePublisher publisher, FeedStateStore store,
            Collection<FeedRuntime> feeds, BackoffPolicy backoff, PollingPolicy policy, int maxSeenIds, Clock clock,
            RandomGenerator random) {
        this(fetcher, publisher, store, feeds, backoff, policy, FullTextEnricher.off(), maxSeenIds, clock, random);
    }

    /**
     * A poller that also gives teaser items their full text from the article page (within each poll's budget,
     * before the items are published).
     *
     * @see #FeedPoller(FeedFetcher, ArticlePublisher, FeedStateStore, Collection, BackoffPolicy, int, Clock,
     *      RandomGenerator)
     */
    public FeedPoller(FeedFetcher fetcher, ArticlePublisher publisher, FeedStateStore store,
            Collection<FeedRuntime> feeds, BackoffPolicy backoff, PollingPolicy policy, FullTextEnricher fullText,
            int maxSeenIds, Clock clock, RandomGenerator random) {
        this.fullText = fullText;
        this.policy = policy;
        this.fetcher = fetcher;
        this.parser = new FeedParser(fetcher.limits().maxBodyBytes());
        this.publisher = publisher;
        this.store = store;
        this.feeds = feeds;
        this.backoff = backoff;
        this.maxSeenIds = maxSeenIds;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Polls {@code feed} once. Never throws for feed or Kafka problems; they are in the outcome and the feed's health.
     *
     * @param feed the feed; never null
     * @return what happened; never null
     */
    public PollOutcome poll(FeedRuntime feed) {
        FeedDefinition def = feed.definition();
        if (feed.disabled()) {
            return new PollOutcome(def.id(), PollOutcome.Kind.DISABLED, 0, feed.lastError(), null);
        }
        URI url = feed.url();
        FetchResult result = fetcher.fetch(url, feed.validators());
        Instant now = clock.instant();
        if (result instanceof FetchResult.Failed failed) {
            return failure(feed, failed.finalUri() + ": " + failed.reason(), failed.retryAfter(),
                    failed.kind() == FetchResult.FailureKind.GONE, now);
        }
        if (result instanceof FetchResult.NotModified notModified) {
            URI newUrl = notModified.permanentUri() != null ? notModified.permanentUri() : url;
            synchronized (documentLocks.computeIfAbsent(def.id(), id -> new Object())) {
                return commit(feed, List.of(), newUrl, feed.validators(), feed.seenIds(), now,
                        PollOutcome.Kind.NOT_MODIFIED, new CacheHints(notModified.maxAge(), notModified.retryAfter()),
                        false);
            }
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        ParsedFeed parsed;
        try {
            parsed = parser.parse(fetched.body(), CharsetSniffer.httpCharset(fetched.contentType()),
                    fetched.finalUri().toString(), fetched.finalUri());
        } catch (FeedParseException e) {
            return failure(feed, fetched.finalUri() + ": " + e.getMessage(), null, false, now);
        }
        push.fetched(def.id(), fetched.finalUri(), parsed, fetched.links());
        URI newUrl = fetched.permanentUri() != null ? fetched.permanentUri() : url;
        return publishNew(feed, parsed, fetched.finalUri(), now, newUrl, fetched.validators(),
                new CacheHints(fetched.maxAge(), fetched.retryAfter()), false);
    }

    /**
     * Publishes a document pushed for {@code feed} (a WebSub delivery) the way a poll does: same parser, normaliser,
     * de-duplication against the feed's seen ids and publisher. The feed's URL, validators and next poll stay as
     * they are; a document that is not a feed is refused without counting as a failure of the feed.
     *
     * @param feed        the feed; never null
     * @param body        the pushed bytes
     * @param contentType the delivery's Content-Type; may be null
     * @return what happened; never null
     */
    public PollOutcome pushed(FeedRuntime feed, byte[] body, String contentType) {
        FeedDefinition def = feed.definition();
        if (feed.disabled()) {
            return new PollOutcome(def.id(), PollOutcome.Kind.DISABLED, 0, feed.lastError(), null);
        }
        Instant now = clock.instant();
        URI url = feed.url();
        ParsedFeed parsed;
        try {
            parsed = parser.parse(body, CharsetSniffer.httpCharset(contentType), "push for " + url, url);
        } catch (FeedParseException e) {
            LOG.warn("Feed {}: pushed document refused: {}", def.id(), e.getMessage());
            return new PollOutcome(def.id(), PollOutcome.Kind.FAILED, 0, "pushed document: " + e.getMessage(),
                    feed.nextPollAt());
        }
        return publishNew(feed, parsed, url, now, url, feed.validators(), null, true);
    }

    /** Where the poller tells push delivery what feeds advertise, and learns which feeds are pushed. */
    public void push(FeedPush feedPush) {
        this.push = feedPush == null ? FeedPush.NONE : feedPush;
    }

    // the shared path of polled and pushed documents: normalise, keep the items not seen before, commit
    private PollOutcome publishNew(FeedRuntime feed, ParsedFeed parsed, URI source, Instant now, URI newUrl,
            Validators validators, CacheHints hints, boolean pushed) {
        FeedDefinition def = feed.definition();
        List<MappedArticle> mapped = ArticleMapper.map(parsed, context(def), now);
        synchronized (documentLocks.computeIfAbsent(def.id(), id -> new Object())) {
            if (!refreshCommittedState(feed, now)) {
                return kafkaFailure(feed, now);
            }
            List<String> documentIds = new ArrayList<>();
            List<MappedArticle> fresh = new ArrayList<>();
            Set<String> seen = new HashSet<>(feed.seenIds());
            Set<String> inDocument = new HashSet<>();
            for (MappedArticle article : mapped) {
                String id = article.event().id();
                if (!inDocument.add(id)) {
                    continue;
                }
                documentIds.add(id);
                if (!seen.contains(id) && !isRecent(id)) {
                    fresh.add(article);
                }
            }
            fresh.sort(Comparator.comparing(a -> a.event().publishedAt()));
            FullTextEnricher.Enriched enriched = fullText.enrich(def, feed.url().getHost(), fresh);
            feed.countFullText(enriched.outcomes());
            fresh = enriched.articles();
            List<String> newSeen = SeenIds.merge(feed.seenIds(), documentIds, maxSeenIds);
            if (parsed.itemsDropped() > 0) {
                LOG.warn("Feed {} ({}) has {} items; only the first {} are read", def.id(), source,
                        parsed.items().size() + parsed.itemsDropped(), parsed.items().size());
            }
            return commit(feed, fresh, newUrl, validators, newSeen, now, PollOutcome.Kind.FETCHED, hints, pushed);
        }
    }

    /** The feed context normalisation needs. */
    public static FeedContext context(FeedDefinition def) {
        return new FeedContext(def.id(), def.title(), def.language(), def.tags(), def.timeZone());
    }

    /** Whether the last publish attempt failed because of Kafka, and why. */
    public KafkaStatus kafkaStatus() {
        return kafka;
    }

    /** Forces a re-read of the committed state before the next publish. */
    public synchronized void markStale() {
        stale = true;
    }

    private PollOutcome commit(FeedRuntime feed, List<MappedArticle> fresh, URI newUrl, Validators validators,
            List<String> newSeen, Instant now, PollOutcome.Kind kind, CacheHints hints, boolean pushed) {
        PublicationHistory history = policy.remember(feed.history(),
                fresh.stream().map(a -> a.event().publishedAt()).toList(), now, feed.definition().timeZone());
        PollDecision decision = pushed ? keptDecision(feed, now, history)
                : relaxed(feed.definition(), policy.afterSuccess(now, feed.definition(), history, hints), now);
        Instant next = decision.at();
        FeedStateEvent state = feed.toEvent(newUrl, validators, newSeen, now, history, decision);
        PublishReceipt receipt;
        try {
            receipt = publisher.publish(fresh, List.of(state));
        } catch (PublishException e) {
            kafka.down(e.getMessage());
            markStale();
            return kafkaFailure(feed, now);
        }
        kafka.up();
        synchronized (this) {
            fresh.forEach(a -> recentIds.put(a.event().id(), Boolean.TRUE));
        }
        feed.succeeded(newUrl, validators, newSeen, now, history, decision, receipt.articles());
        for (String dead : receipt.deadLettered()) {
            LOG.warn("Feed {}: article sent to the dead-letter topic: {}", feed.definition().id(), dead);
        }
        if (receipt.articles() > 0) {
            LOG.info("Feed {}: {} new article{}", feed.definition().id(), receipt.articles(),
                    receipt.articles() == 1 ? "" : "s");
        }
        return new PollOutcome(feed.definition().id(), kind, receipt.articles(), null, next);
    }

    // a pushed document does not move the next poll, which the scheduler already holds
    private PollDecision keptDecision(FeedRuntime feed, Instant now, PublicationHistory history) {
        Instant next = feed.nextPollAt();
        Duration interval = feed.pollInterval();
        String reason = feed.pollReason();
        if (next == null || interval == null || reason == null) {
            return relaxed(feed.definition(), policy.afterSuccess(now, feed.definition(), history,
                    CacheHints.NONE), now);
        }
        return new PollDecision(next, interval, reason);
    }

    // while a hub pushes the feed, an adaptive feed is polled at its ceiling only (as a safety net)
    private PollDecision relaxed(FeedDefinition def, PollDecision decision, Instant now) {
        String why = push.relaxedBecause(def.id());
        if (why == null || !def.adaptive() || decision.interval().compareTo(def.maxInterval()) >= 0) {
            return decision;
        }
        return new PollDecision(now.plus(def.maxInterval()), def.maxInterval(), "ceiling " + human(def.maxInterval())
                + " (" + why + ")");
    }

    private PollOutcome failure(FeedRuntime feed, String reason, Duration retryAfter, boolean gone, Instant now) {
        FeedDefinition def = feed.definition();
        int failures = feed.consecutiveFailures() + 1;
        String previous = feed.lastError();
        Duration delay = backoff.afterFailure(failures, retryAfter, random);
        PollDecision decision = policy.afterFailure(now, delay, retryAfter, failures);
        Instant next = gone ? null : decision.at();
        feed.failed(reason, now, decision, gone);
        String health = gone ? "; the feed is disabled" : "; next attempt in " + human(delay)
                + (failures >= backoff.unhealthyAfter() ? " (unhealthy: " + failures + " failures in a row)" : "");
        if (failures == 1 || gone || !reason.equals(previous) || failures == backoff.unhealthyAfter()) {
            LOG.warn("Feed {} failed: {}{}", def.id(), reason, health);
        } else {
            LOG.debug("Feed {} failed again: {}{}", def.id(), reason, health);
        }
        try {
            publisher.publish(List.of(), List.of(feed.toEvent()));
            kafka.up();
        } catch (PublishException e) {
            kafka.down(e.getMessage());
            markStale();
        }
        return new PollOutcome(def.id(), PollOutcome.Kind.FAILED, 0, reason, next);
    }

    private PollOutcome kafkaFailure(FeedRuntime feed, Instant now) {
        Instant next = now.plus(backoff.afterKafkaFailure(feed.kafkaFailures() + 1));
        feed.kafkaFailed(next);
        return new PollOutcome(feed.definition().id(), PollOutcome.Kind.KAFKA_UNAVAILABLE, 0, kafka.reason(), next);
    }

    // after a failed publish, learn what Kafka actually committed before deciding what is new
    private synchronized boolean refreshCommittedState(FeedRuntime feed, Instant now) {
        if (!stale) {
            return true;
        }
        try {
            publisher.ready();
            Map<String, FeedStateEvent> committed = store.readAll();
            for (FeedRuntime runtime : feeds) {
                FeedStateEvent state = committed.get(runtime.definition().id());
                if (state != null) {
                    runtime.adoptCommitted(state);
                }
            }
            stale = false;
            return true;
        } catch (PublishException | StateUnavailableException e) {
            kafka.down(e.getMessage());
            return false;
        }
    }

    private synchronized boolean isRecent(String id) {
        return recentIds.containsKey(id);
    }

    private static String human(Duration d) {
        return PollingPolicy.human(d);
    }
}
