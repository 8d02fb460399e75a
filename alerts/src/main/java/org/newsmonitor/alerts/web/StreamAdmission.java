package org.newsmonitor.alerts.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may open a live stream now: subscribers' own streams against their cap, anonymous streams against theirs and
 * against a cap per client address. A granted slot is given back by closing its ticket. Thread-safe; no I/O.
 */
final class StreamAdmission {
    private final SseSettings settings;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final AtomicInteger anonymous = new AtomicInteger();
    private final ConcurrentMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    StreamAdmission(SseSettings settings) {
        this.settings = settings;
    }

    /** A held slot; {@link #close()} gives it back (once). */
    interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a slot for a subscriber's own stream.
     *
     * @throws ApiError 503 when every subscriber slot is taken
     */
    Ticket admitSubscriber() {
        if (subscribers.incrementAndGet() > settings.maxClients()) {
            subscribers.decrementAndGet();
            throw busy("too many subscription streams are open (" + settings.maxClients() + ")");
        }
        return once(subscribers::decrementAndGet);
    }

    /**
     * Takes a slot for an anonymous stream from this client address.
     *
     * @throws ApiError 429 when this address holds its share, 503 when every anonymous slot is taken
     */
    Ticket admitAnonymous(String address) {
        int fromAddress = byAddress.merge(address, 1, Integer::sum);
        if (fromAddress > settings.maxAnonymousPerAddress()) {
            release(address);
            ApiError e = new ApiError(429, "events", "too many anonymous live streams from " + address + " ("
                    + settings.maxAnonymousPerAddress() + "); close one, or use an API key and "
                    + "/subscriptions/{id}/events");
            throw e;
        }
        if (anonymous.incrementAndGet() > settings.maxAnonymous()) {
            anonymous.decrementAndGet();
            release(address);
            throw busy("too many anonymous live streams are open (" + settings.maxAnonymous() + "); subscribers' "
                    + "own streams (/subscriptions/{id}/events) are not affected");
        }
        return once(() -> {
            anonymous.decrementAndGet();
            release(address);
        });
    }

    /** Streams open now, of both kinds. */
    int open() {
        return subscribers.get() + anonymous.get();
    }

    private void release(String address) {
        // an address that holds nothing is forgotten, so the map does not grow with every client ever seen
        byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    private static ApiError busy(String message) {
        return new ApiError(503, "events", message);
    }

    private static Ticket once(Runnable release) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                release.run();
            }
        };
    }
}
