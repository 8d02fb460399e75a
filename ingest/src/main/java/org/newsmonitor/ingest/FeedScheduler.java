package org.newsmonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.newsmonitor.ingest.feed.FeedDefinition;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.poll.FeedPoller;
import org.newsmonitor.ingest.poll.FeedRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each feed's polls when they are due: one scheduler thread decides, at most {@code maxConcurrency} worker
 * threads poll, at most {@link HostLimiter#tryAcquire per host} at once and within each host's hourly budget. After
 * each poll the feed's next poll is scheduled as the feed decides ({@link FeedRuntime#dueAt}). Threads start with the
 * first task; {@link #close()} stops them within seconds.
 */
final class FeedScheduler implements AutoCloseable {
    // the ingester's console lines keep one name
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration HOST_BUSY_RETRY = Duration.ofSeconds(1);

    private final FeedPoller poller;
    private final Collection<FeedRuntime> feeds;
    private final HostLimiter hosts;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(threads("ingest-scheduler"));
    private final ExecutorService workers;
    /** The pending poll of each feed, by feed id, so that an edited feed can be scheduled anew. */
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param feeds the feeds polled now: a feed no longer in it is not scheduled again
     */
    FeedScheduler(FeedPoller poller, Collection<FeedRuntime> feeds, HostLimiter hosts, int maxConcurrency,
            Clock clock, RandomGenerator random) {
        this.poller = poller;
        this.random = random;
        this.feeds = feeds;
        this.hosts = hosts;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(maxConcurrency, threads("ingest-poll"));
    }

    /**
     * Schedules the first poll of every feed due, spread over up to 2 s (a quarter of a short interval) so that
     * feeds due together do not start together.
     */
    void scheduleAll(Instant now) {
        for (FeedRuntime f : feeds) {
            Instant due = f.dueAt(now);
            if (due != null) {
                f.rescheduled(due);
                long spread = Math.min(2000, f.definition().interval().toMillis() / 4);
                schedule(f, Duration.between(now, due).plusMillis(spread <= 0 ? 0 : random.nextLong(spread)));
            }
        }
    }

    /** Polls {@code feed} after {@code delay} (replacing its pending poll as the one an edit can cancel). */
    void schedule(FeedRuntime feed, Duration delay) {
        ScheduledFuture<?> next = submit(() -> {
            try {
                workers.execute(() -> run(feed));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }, delay);
        if (next != null) {
            pending.put(feed.definition().id(), next);
        }
    }

    /** Runs {@code task} on the scheduler thread after {@code delay}; null once closed. */
    ScheduledFuture<?> submit(Runnable task, Duration delay) {
        if (closed) {
            return null;
        }
        try {
            return scheduler.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
            return null;
        }
    }

    /** Runs {@code task} on the scheduler thread every {@code period}, first after one period. */
    void every(Runnable task, Duration period) {
        scheduler.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Gives {@code feed} its edited definition. The pending poll was decided with the old one: it is decided again
     * with the new one, unless a poll is running (that poll decides when it ends, with the new definition).
     */
    void reschedule(FeedRuntime feed, FeedDefinition edited) {
        synchronized (feed) {
            feed.redefine(edited);
            ScheduledFuture<?> next = pending.get(edited.id());
            if (next != null && next.cancel(false)) {
                Instant now = clock.instant();
                Instant due = feed.dueAt(now);
                if (due != null) {
                    feed.rescheduled(due);
                    schedule(feed, Duration.between(now, due));
                }
            }
        }
    }

    /** Replaces the pending poll of {@code feed} by one now, for {@code reason}; nothing while a poll runs. */
    void pollNow(FeedRuntime feed, String reason) {
        if (closed) {
            return;
        }
        synchronized (feed) {
            ScheduledFuture<?> next = pending.get(feed.definition().id());
            if (next != null && next.cancel(false)) {
                feed.deferred(clock.instant(), reason);
                schedule(feed, Duration.ZERO);
            }
        }
    }

    /** Cancels the pending poll of a feed no longer listed. */
    void forget(String feedId) {
        ScheduledFuture<?> next = pending.remove(feedId);
        if (next != null) {
            next.cancel(false);
        }
    }

    /** True once polling is stopped. */
    boolean stopped() {
        return scheduler.isShutdown();
    }

    /** Stops polling; returns within a few seconds. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        workers.shutdownNow();
        await(scheduler);
        await(workers);
    }

    private void run(FeedRuntime feed) {
        if (closed) {
            return;
        }
        String host = feed.url().getHost();
        if (!hosts.tryAcquire(host)) {
            schedule(feed, HOST_BUSY_RETRY);
            return;
        }
        Instant budgetFreeAt = hosts.spend(host, clock.instant());
        if (budgetFreeAt != null) {
            hosts.release(host);
            feed.deferred(budgetFreeAt, "host budget: " + hosts.requestsPerHour() + " requests/h to " + host
                    + " used; next slot at " + budgetFreeAt);
            schedule(feed, Duration.between(clock.instant(), budgetFreeAt));
            return;
        }
        boolean polled = false;
        try {
            poller.poll(feed);
            polled = true;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Feed {} ({}): unexpected {} while polling: {}", feed.definition().id(), feed.url(),
                    e.getClass().getSimpleName(), e.getMessage());
        } finally {
            hosts.release(host);
        }
        if (closed || !feeds.contains(feed)) {
            return;
        }
        synchronized (feed) {
            Instant now = clock.instant();
            Instant next = feed.dueAt(now);
            if (!polled) {
                // the poll recorded nothing: wait a whole interval rather than retrying at once
                schedule(feed, feed.definition().interval());
            } else if (next != null) {
                schedule(feed, Duration.between(now, next));
            }
        }
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("Ingest threads did not stop within 3 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
