package org.newsmonitor.stream.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.DlqHeaders;

class DeadLettersTest {
    private static final Instant NOW = Instant.parse("2025-05-14T08:00:00Z");

    @Test
    void shouldKeepTextPayloadAndHeadersWhenValueIsUtf8() {
        //Given
        var failure = new SerializationException("Malformed JSON for ArticleEvent on topic 'news-articles'");
        //When
        var event = DeadLetters.event("stream.read-articles", new RecordOrigin("news-articles", 2, 41L), failure,
                "k1".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8), NOW);
        var headers = DeadLetters.headers(event, failure);
        //Then
        assertThat(event.payload()).isEqualTo("{not json");
        assertThat(event.payloadEncoding()).isEqualTo("utf-8");
        assertThat(event.key()).isEqualTo("k1");
        assertThat(new String(headers.lastHeader(DlqHeaders.SOURCE_OFFSET).value(), StandardCharsets.UTF_8))
                .isEqualTo("41");
        assertThat(new String(headers.lastHeader(DlqHeaders.EXCEPTION).value(), StandardCharsets.UTF_8))
                .isEqualTo(SerializationException.class.getName());
    }

    @Test
    void shouldBase64PayloadWhenValueIsNotUtf8() {
        //Given
        byte[] value = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        //When
        var event = DeadLetters.event("stream.read-articles", RecordOrigin.UNKNOWN, new IllegalStateException("x"),
                null, value, NOW);
        //Then
        assertThat(event.payloadEncoding()).isEqualTo("base64");
        assertThat(event.payload()).isEqualTo("//4AQQ==");
        assertThat(event.sourcePartition()).isEqualTo(-1);
    }

    @Test
    void shouldCutPayloadAndSaySoWhenValueIsHuge() {
        //Given
        byte[] value = "x".repeat(DeadLetters.MAX_PAYLOAD_CHARS + 10).getBytes(StandardCharsets.UTF_8);
        //When
        var event = DeadLetters.event("s", RecordOrigin.UNKNOWN, new IllegalStateException("too big"), null, value,
                NOW);
        //Then
        assertThat(event.payload()).hasSize(DeadLetters.MAX_PAYLOAD_CHARS);
        assertThat(event.reason()).isEqualTo("too big (payload cut to 262144 characters)");
    }
}
