package org.newsmonitor.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    /** The mapper as it was before the fast instants: the reference for every text. */
    private static final ObjectMapper TIME_MODULE_ONLY = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void shouldWriteAndReadTheSameTextAsInstantWhenInstantsAreRandom() {
        // Given instants over years 0000-9999 with every fraction precision
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = randomInstant(random);

            // When
            String text = InstantText.format(instant);

            // Then
            assertThat(text).isEqualTo(instant.toString());
            assertThat(InstantText.parseCommon(text)).isEqualTo(instant);
        }
    }

    @Test
    void shouldReadShortFractionsLikeInstantParseWhenFewerThanThreeDigits() {
        // Given / When / Then
        for (String text : new String[] {"2026-11-23T15:01:05.5Z", "2026-11-23T15:01:05.25Z",
                "2026-11-23T15:01:05.1234Z", "2024-02-29T23:59:59.000000001Z", "0000-01-01T00:00:00Z"}) {
            assertThat(InstantText.parseCommon(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shouldFallBackToInstantToStringWhenTheYearHasMoreThanFourDigits() {
        // Given
        Instant far = Instant.ofEpochSecond(YEAR_10000 + 5, 1_000);
        Instant before = Instant.ofEpochSecond(YEAR_0 - 86_400);

        // When / Then
        assertThat(InstantText.format(far)).isEqualTo(far.toString()).startsWith("+10000");
        assertThat(InstantText.format(before)).isEqualTo(before.toString()).startsWith("-0001");
        assertThat(InstantText.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(InstantText.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23T23:59:60Z", "2026-11-23T15:01:05+01:00", "2026-11-23T15:01:05.Z", "2026-11-23 15:01:05Z",
            "2026-11-23T15:01:05.1234567890Z", "2026-1l-23T15:01:05Z", "+12026-11-23T15:01:05Z", "2026-11-23T15:01Z",
            "-026-11-23T15:01:05Z", ""})
    void shouldLeaveTextToTheGeneralParserWhenItIsNotTheCommonForm(String text) {
        // When / Then
        assertThat(InstantText.parseCommon(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T15:01:05+01:00\"", "\"2026-11-23T23:59:60Z\"", "1795446065.250000000",
            "\"+12026-11-23T15:01:05Z\"", "\"2026-11-23T15:01:05.123Z\""})
    void shouldReadEveryFormTheTimeModuleReadsWhenMapped(String json) throws Exception {
        // When
        Instant ours = Json.mapper().readValue(json, Instant.class);

        // Then
        assertThat(ours).isEqualTo(TIME_MODULE_ONLY.readValue(json, Instant.class));
    }

    @Test
    void shouldRefuseAnImpossibleDateWhenMapped() {
        // When / Then: the general parser's refusal, naming the text
        assertThatThrownBy(() -> Json.mapper().readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("2026-02-30T00:00:00Z");
    }

    @Test
    void shouldWriteTheSameJsonAsTheTimeModuleWhenMapped() throws Exception {
        // Given
        Random random = new Random(11);
        for (int i = 0; i < 1_000; i++) {
            Instant instant = randomInstant(random);

            // When / Then
            assertThat(Json.mapper().writeValueAsString(instant))
                    .isEqualTo(TIME_MODULE_ONLY.writeValueAsString(instant));
        }
    }

    private static Instant randomInstant(Random random) {
        long second = YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0));
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }
}
