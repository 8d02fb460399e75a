package org.newsmonitor.contracts.event;

/** Whether a theme's stories show the relationship cooperating, in friction, or both. */
public enum Polarity {
    COOPERATION, FRICTION, MIXED
}
