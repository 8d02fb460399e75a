package org.newsmonitor.contracts.event;

/** How often a subscription wants its alerts: one by one as they happen, or gathered into a digest. */
public enum DeliveryMode {
    IMMEDIATE, HOURLY_DIGEST, DAILY_DIGEST
}
