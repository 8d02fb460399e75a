package org.newsmonitor.alerts.delivery;

import java.util.OptionalLong;
import java.util.TreeSet;

/** Which offsets of one partition are still being delivered, and so how far the group may commit. Not thread-safe. */
final class PartitionProgress {
    private final TreeSet<Long> open = new TreeSet<>();
    private long next = -1;
    /** The last offset committed for this partition, or -1. */
    long lastCommitted = -1;

    /** An alert at this offset was read and its deliveries started. */
    void started(long offset) {
        open.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** Every delivery of the alert at this offset was delivered or dead-lettered. */
    void finished(long offset) {
        open.remove(offset);
    }

    /** The offset to commit: the first unfinished one, or the one after the last read; empty before any record. */
    OptionalLong committable() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(open.isEmpty() ? next : open.first());
    }

    /** Alerts of this partition still in delivery. */
    int inFlight() {
        return open.size();
    }
}
