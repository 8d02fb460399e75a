package org.newsmonitor.contracts.poison;

import java.nio.charset.StandardCharsets;

/**
 * One hostile record value.
 *
 * @param kind  what kind of hostile value it is
 * @param value the bytes; never null
 */
public record PoisonCase(PoisonRecords.Kind kind, byte[] value) {
    @Override
    public String toString() {
        String text = new String(value, StandardCharsets.UTF_8);
        return kind + ": " + (text.length() > 120 ? text.substring(0, 120) + "..." : text);
    }
}
