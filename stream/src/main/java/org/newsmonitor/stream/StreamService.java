package org.newsmonitor.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.newsmonitor.contracts.DeadLetterProducer;
import org.newsmonitor.contracts.StreamsAppHealth;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.ThemeStatsEvent;
import org.newsmonitor.stream.catalog.ThemeCatalogStoreType;
import org.newsmonitor.stream.catalog.ThemeStatus;
import org.newsmonitor.stream.stats.CountMatchesProcessor;
import org.newsmonitor.stream.stats.DailyBalance;
import org.newsmonitor.stream.stats.ThemeCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running stream application: {@link ThemeMatchTopology} on Kafka Streams, plus interactive queries of its
 * stores. Create, {@link #start()}, query, {@link #close()}.
 *
 * <p>Queries read this instance's local stores. The per-theme counts and the balance live in one single-partition
 * task, so with several instances only one answers them; other processes read {@code news-theme-stats} instead. The
 * theme status is a global store, present on every instance.
 */
public final class StreamService implements AutoCloseable {
    /** How long {@link #start()} waits for the application to be running. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Leave the group on close, so that a restarted instance is not kept waiting for this member's session timeout. */
    private static final CloseOptions LEAVE_GROUP_ON_CLOSE = CloseOptions
            .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT);

    private final StreamConfig config;
    private final KafkaStreams streams;
    private final DeadLetterProducer catalogDeadLetters;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final StreamsAppHealth health;

    /** Builds the application; nothing connects to Kafka until {@link #start()}. */
    public StreamService(StreamConfig config) {
        this.config = config;
        this.catalogDeadLetters = new DeadLetterProducer(config.client(), config.applicationId() + "-dead-letters");
        Topology topology = ThemeMatchTopology.build(config, catalogDeadLetters);
        this.streams = new KafkaStreams(topology, config.toStreamsProperties());
        this.health = new StreamsAppHealth(config.applicationId());
        streams.setStateListener((now, before) -> {
            health.stateChanged(now.name());
            LOG.info("Stream application {}: {} -> {}", config.applicationId(), before, now);
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.PENDING_SHUTDOWN || now == KafkaStreams.State.NOT_RUNNING) {
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            health.uncaught(e);
            LOG.error("Stream application {} stops after an unexpected error: {}", config.applicationId(),
                    e.getMessage(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Starts and waits up to {@link #DEFAULT_START_TIMEOUT} until running; see {@link #start(Duration)}. */
    public void start() {
        start(DEFAULT_START_TIMEOUT);
    }

    /**
     * Creates the topics the application reads and writes when missing, starts it, and returns once it is
     * running (all state restored, the theme catalog loaded).
     *
     * @throws StreamServiceException when Kafka cannot be reached or the application is not running in time
     */
    public void start(Duration timeout) {
        try {
            TopicCreator.ensure(config.client(), List.of(Topics.ARTICLES, Topics.THEMES, Topics.THEME_MATCHES,
                    Topics.THEME_STATS, Topics.THEME_SURGES, Topics.DEAD_LETTERS), effectiveReplication(), 0);
        } catch (IllegalStateException e) {
            throw new StreamServiceException("Stream service cannot start: " + e.getMessage(), e);
        }
        streams.start();
        try {
            boolean done = settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            KafkaStreams.State state = streams.state();
            if (!done || state != KafkaStreams.State.RUNNING) {
                Throwable cause = failure.get();
                streams.close(LEAVE_GROUP_ON_CLOSE);
                throw new StreamServiceException("Stream service " + config.applicationId() + " at "
                        + config.client().bootstrapServers() + " is " + state + " instead of RUNNING after "
                        + (done ? "starting" : timeout.toSeconds() + " s")
                        + (cause == null ? "" : ": " + cause.getMessage()), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(LEAVE_GROUP_ON_CLOSE);
            throw new StreamServiceException("Interrupted while starting the stream service", e);
        }
    }

    /** The Kafka Streams state; never null. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Matches of one theme per window whose start lies within [from, to], oldest first.
     *
     * @throws StreamServiceException when the stores are not queryable now (starting, rebalancing, another
     *                                instance holds them)
     */
    public List<ThemeStatsEvent> themeCounts(String themeId, Granularity granularity, Instant from, Instant to) {
        return StreamQueries.themeCounts(counts(), themeId, granularity, from, to);
    }

    /**
     * The daily cooperation-vs-friction balance for the days starting within [from, to], oldest first.
     *
     * @throws StreamServiceException when the store is not queryable now
     */
    public List<DailyBalance> balance(Instant from, Instant to) {
        return StreamQueries.balance(counts(), from, to);
    }

    /**
     * Matches on {@code news-theme-matches} that the statistics could not count (their publication time lies outside
     * years 0001 to 9999); also the metric {@value CountMatchesProcessor#EXCLUDED_METRIC}.
     *
     * @throws StreamServiceException when the store is not queryable now
     */
    public long matchesExcludedFromCounts() {
        return StreamQueries.excluded(counts());
    }

    private ReadOnlyKeyValueStore<String, ThemeCount> counts() {
        return store(StoreNames.THEME_COUNTS, QueryableStoreTypes.keyValueStore());
    }

    /**
     * Theme id to the status of its latest version on {@code news-themes}: in force, or refused with the error.
     *
     * @throws StreamServiceException when the store is not queryable now
     */
    public SortedMap<String, ThemeStatus> themeStatus() {
        return store(StoreNames.THEME_CATALOG, new ThemeCatalogStoreType()).statuses();
    }

    /**
     * The application's health: its Kafka Streams state (global thread included: a global thread that dies puts
     * the application in ERROR) and, once failed, why; never null.
     */
    public StreamsAppHealth health() {
        return health;
    }

    /** Stops processing, commits and releases the state directory; waits at most 30 s. */
    @Override
    public void close() {
        health.closing();
        streams.close(LEAVE_GROUP_ON_CLOSE);
        catalogDeadLetters.close();
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw new StreamServiceException("Store " + name + " is not queryable now (application is "
                    + streams.state() + "): " + e.getMessage(), e);
        }
    }

    private short effectiveReplication() {
        return config.replicationFactor() < 1 ? (short) -1 : config.replicationFactor();
    }
}
