package org.newsmonitor.alerts.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Deterministic alert ids: the same subscription, theme and story always give the same id. */
public final class AlertIds {
    private AlertIds() {
    }

    /** The id of the alert for one story of one theme for one subscription; 32 hex characters, never null. */
    public static String of(String subscriptionId, String themeId, String storyId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // NUL separators keep ("a-b", "c") and ("a", "b-c") apart
            String joined = subscriptionId + '\u0000' + themeId + '\u0000' + storyId;
            byte[] digest = sha.digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The story id standing for a theme's surge in the hour starting at {@code windowStart}. */
    public static String surgeStoryId(String themeId, Instant windowStart) {
        return "surge:" + themeId + "@" + windowStart;
    }
}
