package org.newsmonitor.alerts.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Feed tokens: random secrets that open one subscription's Atom feed without the API key (feed readers cannot send
 * headers). Only the SHA-256 of a token is stored, on the subscription record; a token has 256 random bits, so a
 * plain hash is as hard to reverse as the token is to guess.
 */
final class FeedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedTokens() {
    }

    /** A new token, "ft_" and 43 URL-safe characters. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: SHA-256, lower-case hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether the token is the one whose hash is stored, compared in constant time; false when either is null. */
    static boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
