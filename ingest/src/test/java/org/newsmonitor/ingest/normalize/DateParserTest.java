package org.newsmonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Tue, 08 Apr 2025 09:30:00 +0800        | 2025-04-08T01:30:00Z",
        "Wed, 14 May 2025 10:30:00 MSK          | 2025-05-14T07:30:00Z",
        "Wed, 14 May 2025 10:30:00 MSD          | 2025-05-14T06:30:00Z",
        "14 May 2025 10:30 GMT                  | 2025-05-14T10:30:00Z",
        "Fri, 03 Jan 2025 08:00:00 EST          | 2025-01-03T13:00:00Z",
        "Fri, 03 Jan 2025 08:00:00 PDT          | 2025-01-03T15:00:00Z",
        "Mon, 06 Jan 25 12:00:00 +0000          | 2025-01-06T12:00:00Z",
        "5 March 2025 16:45:00 +03:00           | 2025-03-05T13:45:00Z",
        "Wed, 14 May 2025 10:30:00 GMT+3        | 2025-05-14T07:30:00Z",
        "Wed, 14 May 2025 10:30:00 +0300 (MSK)  | 2025-05-14T07:30:00Z",
        "2025-02-11T06:45:10.123456Z            | 2025-02-11T06:45:10.123456Z",
        "2025-02-11T06:45:10.123456789123+01:00 | 2025-02-11T05:45:10.123456789Z",
        "2025-04-07T18:00:00+03:00              | 2025-04-07T15:00:00Z",
        "2025-04-07 18:00:00 +0800              | 2025-04-07T10:00:00Z",
        "2025/04/07 18:00                       | 2025-04-07T18:00:00Z",
        "2025年4月7日 18:00                      | 2025-04-07T18:00:00Z",
        "April 7, 2025 6:00:00 GMT              | 2025-04-07T06:00:00Z",
        "Sun, 08 Apr 2025 09:30:00 GMT          | 2025-04-08T09:30:00Z"})
    void shouldReadDatesWithZones(String text, String expected) {
        assertThat(DateParser.parse(text, UTC).instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Mon, 31 Feb 2025 10:00:00 GMT", "2025-02-30", "2025-13-01T00:00:00Z",
        "sometime last week", "Wed, 14 May 2025 25:30:00 GMT", "2025-05-14T10:30:00+19:00", "Foo, 14 Mae 2025"})
    void shouldRefuseInvalidCalendarDatesInsteadOfRollingThemOver(String text) {
        assertThat(DateParser.parse(text, UTC)).isNull();
    }

    @Test
    void shouldReadAZonelessDateInTheFeedZoneAndMarkItAssumed() {
        // When
        FeedDate date = DateParser.parse("2025-04-07T18:00:00", ZoneId.of("Europe/Moscow"));
        // Then
        assertThat(date.instant()).isEqualTo(Instant.parse("2025-04-07T15:00:00Z"));
        assertThat(date.zoneAssumed()).isTrue();
    }

    @Test
    void shouldNotDependOnTheJvmDefaultZone() {
        // Given the JVM default zone as surefire sets it (Asia/Vladivostok) and another one
        TimeZone original = TimeZone.getDefault();
        try {
            FeedDate inDefault = DateParser.parse("Wed, 14 May 2025 10:30:00", UTC);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            FeedDate inOther = DateParser.parse("Wed, 14 May 2025 10:30:00", UTC);
            // Then
            assertThat(inDefault).isEqualTo(inOther);
            assertThat(inOther.instant()).isEqualTo(Instant.parse("2025-05-14T10:30:00Z"));
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
