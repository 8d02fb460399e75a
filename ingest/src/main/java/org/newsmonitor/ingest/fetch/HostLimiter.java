package org.newsmonitor.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The politeness limits per host: how many fetches run against one host at a time, so one slow publisher cannot take
 * every worker, and how many requests one host gets per hour (a sliding window), whatever the feeds' intervals ask.
 */
public final class HostLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHost;
    private final int requestsPerHour;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    /** @param perHost fetches allowed at once per host; no hourly budget */
    public HostLimiter(int perHost) {
        this(perHost, Integer.MAX_VALUE);
    }

    /**
     * @param perHost         fetches allowed at once per host
     * @param requestsPerHour requests allowed per host in any hour
     */
    public HostLimiter(int perHost, int requestsPerHour) {
        if (perHost < 1 || requestsPerHour < 1) {
            throw new IllegalArgumentException("perHost and requestsPerHour must be positive, were " + perHost
                    + " and " + requestsPerHour);
        }
        this.perHost = perHost;
        this.requestsPerHour = requestsPerHour;
    }

    /** Requests allowed per host in any hour. */
    public int requestsPerHour() {
        return requestsPerHour;
    }

    /** Takes a slot for {@code host} if one is free; returns false otherwise. */
    public boolean tryAcquire(String host) {
        return semaphore(host).tryAcquire();
    }

    /**
     * Takes a slot for {@code host}, waiting at most {@code wait} for one to be given back.
     *
     * @return true when a slot was taken; false after the wait, or when interrupted (the interrupt is kept)
     */
    public boolean tryAcquire(String host, Duration wait) {
        try {
            return semaphore(host).tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a slot taken with {@link #tryAcquire}. */
    public void release(String host) {
        semaphore(host).release();
    }

    /**
     * Counts one request to {@code host} at {@code now} if the hour's budget allows it.
     *
     * @return null when the request was counted and may be sent; otherwise the time the budget allows the next one
     */
    public Instant spend(String host, Instant now) {
        Deque<Instant> sent = requests.computeIfAbsent(key(host), h -> new ArrayDeque<>());
        synchronized (sent) {
            Instant windowStart = now.minus(WINDOW);
            while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
                sent.pollFirst();
            }
            if (sent.size() >= requestsPerHour) {
                return sent.peekFirst().plus(WINDOW);
            }
            sent.addLast(now);
            return null;
        }
    }

    private Semaphore semaphore(String host) {
        return hosts.computeIfAbsent(key(host), h -> new Semaphore(perHost));
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
