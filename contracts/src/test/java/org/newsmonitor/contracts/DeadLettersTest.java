package org.newsmonitor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.DeadLetterEvent;

class DeadLettersTest {
    private static final Instant NOW = Instant.parse("2025-05-14T08:00:00Z");

    @Test
    void shouldKeepTextPayloadAndHeadersWhenValueIsUtf8() {
        //Given
        var failure = new SerializationException("Malformed JSON for ArticleEvent on topic 'news-articles'");
        //When
        var event = DeadLetters.event("stream.read-articles", "news-articles", 2, 41L, "k1",
                "{not json".getBytes(StandardCharsets.UTF_8), failure, NOW);
        var headers = DeadLetters.headers(event, failure);
        //Then
        assertThat(event.payload()).isEqualTo("{not json");
        assertThat(event.payloadEncoding()).isEqualTo("utf-8");
        assertThat(event.key()).isEqualTo("k1");
        assertThat(header(headers, DlqHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(headers, DlqHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
    }

    @Test
    void shouldBase64PayloadWhenValueIsNotUtf8() {
        //Given
        byte[] value = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        //When
        var event = DeadLetters.event("stream.read-articles", null, -1, -1L, null, value,
                new IllegalStateException("x"), NOW);
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
        var event = DeadLetters.event("s", null, -1, -1L, null, value, new IllegalStateException("too big"), NOW);
        //Then
        assertThat(event.payload()).hasSize(DeadLetters.MAX_PAYLOAD_CHARS);
        assertThat(event.reason()).isEqualTo("too big (payload cut to 262144 characters)");
    }

    @Test
    void shouldNameRootCauseClassInHeaderWhenFailureIsWrapped() {
        //Given a serializer's exception around the parser's
        var failure = new SerializationException("Malformed JSON", new NumberFormatException("not a number"));
        var event = DeadLetters.event("s", "t", 0, 0L, "k", new byte[0], failure, NOW);
        //When
        var headers = DeadLetters.headers(event, failure);
        //Then
        assertThat(header(headers, DlqHeaders.EXCEPTION)).isEqualTo(NumberFormatException.class.getName());
        assertThat(header(headers, DlqHeaders.REASON)).isEqualTo("Malformed JSON");
    }

    @Test
    void shouldTakeCauseMessageWhenWrapperSaysNothing() {
        //Given //When //Then
        assertThat(DeadLetters.reason(new RuntimeException(" ", new IllegalStateException("store closed"))))
                .isEqualTo("store closed");
        assertThat(DeadLetters.reason(new IllegalStateException(" "))).isEqualTo("IllegalStateException");
        assertThat(DeadLetters.reason(new IllegalStateException("first line\n at [Source: x]")))
                .isEqualTo("first line");
    }

    @Test
    void shouldSerialiseValueAndKeepRawKeyWhenRecordIsForAnErrorHandler() {
        //Given
        byte[] key = {(byte) 0xff, 0x01};
        var failure = new IllegalStateException("boom");
        var event = DeadLetters.event("stream.match-themes", "news-articles", 1, 5L, DeadLetters.keyText(key),
                "v".getBytes(StandardCharsets.UTF_8), failure, NOW);
        //When
        var record = DeadLetters.rawRecord(event, failure, key);
        //Then
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(record.key()).isEqualTo(key);
        DeadLetterEvent read = Topics.DEAD_LETTERS.valueSerde().deserialize(record.topic(), record.value());
        assertThat(read).isEqualTo(event);
        assertThat(header(record.headers(), DlqHeaders.STAGE)).isEqualTo("stream.match-themes");
        assertThat(DeadLetters.keyText(null)).isNull();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
