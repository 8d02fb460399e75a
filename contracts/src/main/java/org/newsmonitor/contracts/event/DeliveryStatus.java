package org.newsmonitor.contracts.event;

/** Outcome of one delivery attempt of an alert to one channel. */
public enum DeliveryStatus {
    DELIVERED, RETRYING, DEAD_LETTERED
}
