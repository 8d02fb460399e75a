package org.newsmonitor.stream.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.Polarity;

class PolaritySerdeTest {
    private final Serde<Polarity> serde = PolaritySerde.create();

    @Test
    void shouldRoundTripEveryPolarity() {
        for (Polarity p : Polarity.values()) {
            //When
            byte[] bytes = serde.serializer().serialize("t", p);
            //Then
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(p);
            assertThat(bytes.length).isLessThan(16);
        }
    }

    @Test
    void shouldNameTopicAndValueWhenPolarityIsUnknown() {
        //Given
        byte[] bytes = "HOSTILE".getBytes(StandardCharsets.UTF_8);
        //When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize("matches-by-theme-repartition", bytes))
                .hasMessageContaining("HOSTILE").hasMessageContaining("matches-by-theme-repartition");
    }
}
