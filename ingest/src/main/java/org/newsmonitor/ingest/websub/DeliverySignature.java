package org.newsmonitor.ingest.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Hub-Signature} of a WebSub delivery: {@code method=hex}, an HMAC of the body with the
 * subscription's secret. sha256 (and sha384, sha512) are preferred; sha1 is accepted because the specification
 * lets hubs use it. Pure; the comparison takes the same time whatever the bytes.
 */
public final class DeliverySignature {
    private static final Map<String, String> MACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private DeliverySignature() {
    }

    /** The verdict on one delivery: valid, or why not. */
    public record Verdict(boolean valid, String reason) {
        static Verdict ok(String method) {
            return new Verdict(true, "signed with " + method);
        }

        static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * Checks a delivery.
     *
     * @param header the X-Hub-Signature header; null when absent
     * @param secret the subscription's secret, as sent to the hub
     * @param body   the delivered bytes
     * @return the verdict; never null
     */
    public static Verdict check(String header, String secret, byte[] body) {
        if (header == null || header.isBlank()) {
            return Verdict.refused("no X-Hub-Signature header");
        }
        int eq = header.indexOf('=');
        if (eq <= 0) {
            return Verdict.refused("X-Hub-Signature is not method=signature: '" + shortened(header) + "'");
        }
        String method = header.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String algorithm = MACS.get(method);
        if (algorithm == null) {
            return Verdict.refused("X-Hub-Signature method '" + shortened(method) + "' is not one of sha1, sha256, "
                    + "sha384, sha512");
        }
        String hex = header.substring(eq + 1).strip();
        if (hex.isEmpty()) {
            return Verdict.refused("X-Hub-Signature " + method + " carries no signature");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.refused("X-Hub-Signature is not hexadecimal");
        }
        byte[] expected = sign(algorithm, secret, body);
        return MessageDigest.isEqual(expected, given) ? Verdict.ok(method)
                : Verdict.refused("X-Hub-Signature " + method + " does not match the body");
    }

    /**
     * The header a hub sends for {@code body} with {@code method} (sha1, sha256, ...): for tests and local hubs.
     */
    public static String header(String method, String secret, byte[] body) {
        String algorithm = MACS.get(method);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown signature method " + method);
        }
        return method + "=" + HexFormat.of().formatHex(sign(algorithm, secret, body));
    }

    private static byte[] sign(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static String shortened(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
