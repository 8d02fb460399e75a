package org.newsmonitor.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.ingest.fetch.HttpLimits;
import org.newsmonitor.ingest.fulltext.FullTextSettings;
import org.newsmonitor.ingest.poll.BackoffPolicy;
import org.newsmonitor.ingest.poll.PollingPolicy;
import org.newsmonitor.outbound.AddressAllowList;

/**
 * Settings of the ingester and the replayer.
 *
 * @param kafka                 how to reach Kafka; never null
 * @param feedList              OPML or YAML feed list; null for the bundled default list
 * @param pollLiveFeeds         false to poll nothing (replay only)
 * @param http                  HTTP limits: timeouts, body size, concurrency, User-Agent, redirects; never null
 * @param ssrf                  internal hosts that may be fetched anyway (none by default); never null
 * @param backoff               retry delays after failures; never null
 * @param kafkaTimeout          longest time any Kafka call may block (producer max.block.ms, state reads) when
 *                              the broker is down; never null
 * @param maxSeenIdsPerFeed     item ids remembered per feed (the ids of the latest document are always kept)
 * @param transactionalIdPrefix prefix of the producers' transactional ids ("-ingest" and "-replay" are appended);
 *                              one running ingester per prefix and cluster
 * @param clock                 time source (tests inject a fixed or stepping clock); never null
 * @param polling               when each feed is due after a poll (adaptive or fixed); never null
 * @param hostRequestsPerHour   requests per host in any hour, whatever the feeds' intervals ask (politeness budget)
 * @param fullText              whether and within which limits article pages are fetched for teaser items; never
 *                              null (the archive replay fetches pages only when asked, and then with these limits)
 */
public record IngestConfig(ClientSettings kafka, Path feedList, boolean pollLiveFeeds, HttpLimits http,
        AddressAllowList ssrf, BackoffPolicy backoff, Duration kafkaTimeout, int maxSeenIdsPerFeed,
        String transactionalIdPrefix, Clock clock, PollingPolicy polling, int hostRequestsPerHour,
        FullTextSettings fullText) {

    /** Requests per host and hour by default: one a minute on average. */
    public static final int DEFAULT_HOST_REQUESTS_PER_HOUR = 60;

    public IngestConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(ssrf, "ssrf");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(fullText, "fullText");
        if (hostRequestsPerHour < 1) {
            throw new IllegalArgumentException("hostRequestsPerHour must be at least 1, was " + hostRequestsPerHour);
        }
        if (kafkaTimeout == null || kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
            throw new IllegalArgumentException("kafkaTimeout must be positive, was " + kafkaTimeout);
        }
        if (maxSeenIdsPerFeed < 10) {
            throw new IllegalArgumentException("maxSeenIdsPerFeed must be at least 10, was " + maxSeenIdsPerFeed);
        }
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalArgumentException("transactionalIdPrefix must not be blank");
        }
    }

    /**
     * Defaults: the bundled feed list, live polling on, {@link HttpLimits#defaults()}, public addresses only,
     * {@link BackoffPolicy#defaults()}, a 10 s Kafka timeout, 2,000 seen ids per feed, transactional ids
     * "news-monitor-ingest" / "news-monitor-replay", the system UTC clock, {@link PollingPolicy#defaults()} and
     * {@value #DEFAULT_HOST_REQUESTS_PER_HOUR} requests per host and hour, and full text of teaser items from their pages
     * ({@link FullTextSettings#defaults()}).
     *
     * @param kafka how to reach Kafka; never null
     * @return the defaults; never null
     */
    public static IngestConfig defaults(ClientSettings kafka) {
        return new IngestConfig(kafka, null, true, HttpLimits.defaults(), AddressAllowList.none(),
                BackoffPolicy.defaults(), Duration.ofSeconds(10), 2_000, "news-monitor", Clock.systemUTC(),
                PollingPolicy.defaults(), DEFAULT_HOST_REQUESTS_PER_HOUR, FullTextSettings.defaults());
    }

    /** A copy with another polling policy. */
    public IngestConfig withPolling(PollingPolicy policy) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, policy, hostRequestsPerHour, fullText);
    }

    /** A copy with another hourly request budget per host. */
    public IngestConfig withHostRequestsPerHour(int perHour) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, perHour, fullText);
    }

    /** A copy reading feeds from {@code path} (null for the bundled list). */
    public IngestConfig withFeedList(Path path) {
        return new IngestConfig(kafka, path, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with live polling on or off. */
    public IngestConfig withPollLiveFeeds(boolean poll) {
        return new IngestConfig(kafka, feedList, poll, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with other HTTP limits. */
    public IngestConfig withHttp(HttpLimits limits) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, limits, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy allowing these internal feed hosts ({@code --allow-feed-host}). */
    public IngestConfig withSsrf(AddressAllowList policy) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, policy, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with another backoff policy. */
    public IngestConfig withBackoff(BackoffPolicy policy) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, policy, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with another Kafka timeout. */
    public IngestConfig withKafkaTimeout(Duration timeout) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, timeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with another transactional id prefix. */
    public IngestConfig withTransactionalIdPrefix(String prefix) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                prefix, clock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy with another clock. */
    public IngestConfig withClock(Clock newClock) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, newClock, polling, hostRequestsPerHour, fullText);
    }

    /** A copy fetching article pages as {@code settings} say ({@link FullTextSettings#off()}: never). */
    public IngestConfig withFullText(FullTextSettings settings) {
        return new IngestConfig(kafka, feedList, pollLiveFeeds, http, ssrf, backoff, kafkaTimeout, maxSeenIdsPerFeed,
                transactionalIdPrefix, clock, polling, hostRequestsPerHour, settings);
    }

    /** Transactional id of the live ingester's producer. */
    public String ingestTransactionalId() {
        return transactionalIdPrefix + "-ingest";
    }

    /** Transactional id of the replayer's producer. */
    public String replayTransactionalId() {
        return transactionalIdPrefix + "-replay";
    }
}
