package org.newsmonitor.contracts.event;

/** What an alert is about: a story matching a theme, or a surge in a theme's volume. */
public enum AlertKind {
    MATCH, SURGE
}
