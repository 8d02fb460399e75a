package org.newsmonitor.contracts.event;

/** Size of an event-time window of theme statistics. */
public enum Granularity {
    HOUR, DAY
}
