package org.newsmonitor.stream.stats;

import java.time.Instant;

/**
 * Cooperation vs friction on one day (UTC), counted over theme matches by the polarity of the matched theme.
 *
 * @param day         start of the day (UTC midnight)
 * @param cooperation matches of cooperation themes
 * @param friction    matches of friction themes
 * @param mixed       matches of mixed themes
 */
public record DailyBalance(Instant day, long cooperation, long friction, long mixed) {
    /** Cooperation minus friction: above zero the day leaned to cooperation. */
    public long net() {
        return cooperation - friction;
    }
}
