package org.newsmonitor.ingest.poll;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Bounds how many fetches run against one host at a time, so one slow publisher cannot take every worker. */
public final class HostLimiter {
    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /** @param perHost fetches allowed at once per host */
    public HostLimiter(int perHost) {
        this.perHost = perHost;
    }

    /** Takes a slot for {@code host} if one is free; returns false otherwise. */
    public boolean tryAcquire(String host) {
        return semaphore(host).tryAcquire();
    }

    /** Gives back a slot taken with {@link #tryAcquire}. */
    public void release(String host) {
        semaphore(host).release();
    }

    private Semaphore semaphore(String host) {
        return hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
    }
}
