package org.newsmonitor.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"type\":\"alert\",\"data\":{\"title\":\"Сила Сибири\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_772_438_400L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void shouldMatchTheStandardWebhooksReferenceVector() {
        //Given: the published example id, timestamp, body and secret of the Standard Webhooks specification
        String body = "{\"test\": 2432232314}";
        //When
        String signature = WebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                body.getBytes(StandardCharsets.UTF_8));
        //Then
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldAcceptAnUntouchedDelivery() {
        String sig = WebhookSignature.sign(SECRET, "a1", NOW.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(SECRET, "a1", String.valueOf(NOW.getEpochSecond()), sig, BODY, NOW,
                FIVE_MINUTES)).isTrue();
    }

    @Test
    void shouldRejectATamperedBodyAWrongSecretAnOldTimestampAndAnotherId() {
        //Given
        long ts = NOW.getEpochSecond();
        String sig = WebhookSignature.sign(SECRET, "a1", ts, BODY);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;
        //Then
        assertThat(WebhookSignature.verify(SECRET, "a1", String.valueOf(ts), sig, tampered, NOW, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", "a1", String.valueOf(ts), sig,
                BODY, NOW, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "a1", String.valueOf(ts), sig, BODY, NOW.plusSeconds(301),
                FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "a2", String.valueOf(ts), sig, BODY, NOW, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "a1", "yesterday", sig, BODY, NOW, FIVE_MINUTES)).isFalse();
    }

    @Test
    void shouldAcceptAnyOfSeveralSignaturesDuringSecretRotation() {
        //Given
        long ts = NOW.getEpochSecond();
        String old = WebhookSignature.sign("old-secret-0123456789", "a1", ts, BODY);
        String current = WebhookSignature.sign(SECRET, "a1", ts, BODY);
        //Then
        assertThat(WebhookSignature.verify(SECRET, "a1", String.valueOf(ts), old + " " + current, BODY, NOW,
                FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "a1", String.valueOf(ts), "v1,garbage!! " + old, BODY, NOW,
                FIVE_MINUTES)).isFalse();
    }

    @Test
    void shouldMatchTheWorkedExampleInTheApiDocs() {
        //Given: the secret, id, timestamp and body of the example in docs/api.md
        String body = "{\"type\":\"alert\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"data\":{\"alertId\":\"a-2f9c41d07e\","
                + "\"subscriptionId\":\"sub-k3m9x2p7q4rt\",\"themeId\":\"power-of-siberia\","
                + "\"title\":\"Gazprom and CNPC sign Power of Siberia 2 contract\"}}";
        //When
        String signature = WebhookSignature.sign("whsec_bmV3cy1tb25pdG9yLWRvY3MtZXhhbXBsZS1rZXk=", "a-2f9c41d07e",
                1772438400L, body.getBytes(StandardCharsets.UTF_8));
        //Then
        assertThat(signature).isEqualTo("v1,UlMwclTvObUSMwuIblmPCVTnh5zBh+KS2oAUjR7Do3w=");
    }
}
