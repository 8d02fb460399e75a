package org.newsmonitor.contracts.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;

/** A consumer built on the contracts module alone reads newer records and sets aside broken ones. */
class AlertTailTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<DeadLetterEvent> deadLetters = new ArrayList<>();
    private final AlertTail tail = new AlertTail(new PrintStream(printed, true, StandardCharsets.UTF_8), deadLetters::add,
            Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldReadARecordWithAnUnknownExtraFieldAndDeadLetterOneMissingARequiredField() {
        // Given a record from a newer writer with an extra field, and one without its storyId
        String newer = """
                {"schemaVersion":1,"alertId":"al-1","subscriptionId":"s1","kind":"MATCH","themeId":"arms-sales",
                 "storyId":"st-1","title":"Su-35 deliveries","url":"https://example.org/su35","source":"Desk",
                 "publishedAt":"2025-05-01T00:00:00Z","createdAt":"2025-05-01T00:00:01Z","priority":"high"}""";
        String broken = """
                {"schemaVersion":1,"alertId":"al-2","subscriptionId":"s1","themeId":"arms-sales",
                 "publishedAt":"2025-05-01T00:00:00Z","createdAt":"2025-05-01T00:00:01Z"}""";
        // When both are handled, and then a good one again
        var first = tail.handle(record(0, newer));
        var second = tail.handle(record(1, broken));
        var third = tail.handle(record(2, newer));
        // Then the extra field is ignored, the broken record is set aside with its position and reason
        assertThat(first).isNotNull();
        assertThat(first.title()).isEqualTo("Su-35 deliveries");
        assertThat(second).isNull();
        assertThat(third).isNotNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("arms-sales | Su-35 deliveries | Desk");
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic()).isEqualTo("news-alerts");
            assertThat(d.sourceOffset()).isEqualTo(1);
            assertThat(d.reason()).contains("AlertEvent.storyId must not be blank");
            assertThat(d.payload()).isEqualTo(broken);
        });
    }

    @Test
    void shouldKeepBinaryGarbageAsBase64WithHeadersSayingWhereItCameFrom() {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        DeadLetterEvent event = DeadLetters.event("example", "news-alerts", 2, 7, "k", garbage,
                new IllegalStateException("boom"), Instant.EPOCH);
        var record = DeadLetters.record(event, new IllegalStateException("boom"));
        assertThat(event.payloadEncoding()).isEqualTo("base64");
        assertThat(java.util.Base64.getDecoder().decode(event.payload())).isEqualTo(garbage);
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(new String(record.headers().lastHeader(DlqHeaders.SOURCE_OFFSET).value(), StandardCharsets.UTF_8))
                .isEqualTo("7");
        assertThat(new String(record.headers().lastHeader(DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("boom");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String json) {
        return new ConsumerRecord<>(Topics.ALERTS.name(), 0, offset, "s1", json.getBytes(StandardCharsets.UTF_8));
    }
}
