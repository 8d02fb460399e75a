package org.newsmonitor.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in the Standard Webhooks form: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}",
 * sent as {@code webhook-signature: v1,<base64>}. A secret "whsec_<base64>" signs with the decoded bytes; any other
 * secret signs with its UTF-8 bytes. Receivers use {@link #verify} to check a delivery.
 */
public final class WebhookSignature {
    /** Header carrying the alert id, the idempotency key. */
    public static final String ID_HEADER = "webhook-id";
    /** Header carrying the signing time in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** Header carrying one or more space-separated "v1,<base64>" signatures. */
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private WebhookSignature() {
    }

    /** The signature header value for these exact bytes; never null. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestampSeconds, body));
    }

    /**
     * Whether a delivery is authentic: one of the signatures matches (several are allowed while secrets rotate) and
     * the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, byte[] body,
            Instant now, Duration tolerance) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, id, ts, body);
        for (String candidate : signatures.strip().split(" +")) {
            if (candidate.startsWith("v1,")) {
                try {
                    byte[] given = Base64.getDecoder().decode(candidate.substring(3));
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not a match
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring(6));
            } catch (IllegalArgumentException e) {
                // not base64 after the prefix: sign with the text itself
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
