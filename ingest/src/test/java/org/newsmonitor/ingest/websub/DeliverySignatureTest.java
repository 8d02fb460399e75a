package org.newsmonitor.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliverySignatureTest {
    private static final String SECRET = "3f1c0a9e7b";
    private static final byte[] BODY = "<rss><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldAcceptSha256AndSha1SignaturesOfTheBodyWithTheSecret() {
        assertThat(DeliverySignature.check(DeliverySignature.header("sha256", SECRET, BODY), SECRET, BODY).valid())
                .isTrue();
        assertThat(DeliverySignature.check(DeliverySignature.header("sha1", SECRET, BODY), SECRET, BODY).valid())
                .isTrue();
        assertThat(DeliverySignature.check(DeliverySignature.header("sha512", SECRET, BODY).toUpperCase()
                .replace("SHA512", "sha512"), SECRET, BODY).valid()).isTrue();
    }

    @Test
    void shouldMatchAKnownVector() {
        // HMAC-SHA256 of "hello" with key "key", computed independently (openssl dgst -sha256 -hmac key)
        assertThat(DeliverySignature.check(
                "sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b", "key",
                "hello".getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
    }

    @Test
    void shouldRefuseAnotherSecretATamperedBodyAndMissingOrMalformedHeaders() {
        String signed = DeliverySignature.header("sha256", SECRET, BODY);
        assertThat(DeliverySignature.check(signed, "another-secret", BODY).reason())
                .isEqualTo("X-Hub-Signature sha256 does not match the body");
        byte[] tampered = BODY.clone();
        tampered[3] ^= 1;
        assertThat(DeliverySignature.check(signed, SECRET, tampered).valid()).isFalse();
        assertThat(DeliverySignature.check(null, SECRET, BODY).reason()).isEqualTo("no X-Hub-Signature header");
        assertThat(DeliverySignature.check("deadbeef", SECRET, BODY).reason()).contains("not method=signature");
        assertThat(DeliverySignature.check("md5=00", SECRET, BODY).reason()).contains("'md5' is not one of");
        assertThat(DeliverySignature.check("sha256=zz", SECRET, BODY).reason()).contains("not hexadecimal");
        assertThat(DeliverySignature.check("sha256=", SECRET, BODY).valid()).isFalse();
    }

    @Test
    void shouldAcceptUpperCaseMethodAndHexAndNameAnEmptySignature() {
        String signed = DeliverySignature.header("sha256", SECRET, BODY);
        assertThat(DeliverySignature.check(signed.toUpperCase(java.util.Locale.ROOT), SECRET, BODY).valid()).isTrue();
        assertThat(DeliverySignature.check(" sha256 = " + signed.substring(7) + " ", SECRET, BODY).valid()).isTrue();
        assertThat(DeliverySignature.check("sha256=", SECRET, BODY).reason())
                .isEqualTo("X-Hub-Signature sha256 carries no signature");
        assertThat(DeliverySignature.check("sha256=" + "a".repeat(100_000), SECRET, BODY).reason())
                .isEqualTo("X-Hub-Signature sha256 does not match the body");
    }
}
