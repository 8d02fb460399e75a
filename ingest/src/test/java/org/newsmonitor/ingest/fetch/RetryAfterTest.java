package org.newsmonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void shouldReadRetryAfterForms() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        assertThat(RetryAfter.parse("120", now)).hasSeconds(120);
        assertThat(RetryAfter.parse("1000000000", now)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 13:00:00 GMT", now)).hasMinutes(60);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", now)).isZero();
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("-5", now)).isNull();
    }
}
