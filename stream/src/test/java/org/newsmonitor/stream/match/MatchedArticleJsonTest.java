package org.newsmonitor.stream.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.json.JsonSerde;

class MatchedArticleJsonTest {
    private final JsonSerde<MatchedArticle> serde = new JsonSerde<>(MatchedArticle.class, "story-clustering");

    @Test
    void shouldWriteTheSignatureAsBase64AndReadItBack() {
        //Given
        long[] signature = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 0x1234_5678_9abc_def0L};
        MatchedArticle article = new MatchedArticle("a-1", Instant.parse("2026-01-05T10:00:00Z"), signature, List.of());
        //When
        byte[] json = serde.serializer().serialize("story-clustering", article);
        MatchedArticle back = serde.deserializer().deserialize("story-clustering", json);
        //Then
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"signature\":\"gAAAAAAAAAD");
        assertThat(back.signature()).containsExactly(signature);
    }

    @Test
    void shouldStillReadASignatureWrittenAsAnArrayOfNumbers() {
        //Given a record in the earlier encoding
        String json = "{\"articleId\":\"a-1\",\"publishedAt\":\"2026-01-05T10:00:00Z\",\"signature\":[5,-7],"
                + "\"matches\":[]}";
        //When
        MatchedArticle back = serde.deserializer().deserialize("story-clustering",
                json.getBytes(StandardCharsets.UTF_8));
        //Then
        assertThat(back.signature()).containsExactly(5L, -7L);
    }

    @Test
    void shouldRefuseASignatureThatIsNotWholeLongs() {
        //Given five bytes of Base64
        String json = "{\"articleId\":\"a-1\",\"publishedAt\":\"2026-01-05T10:00:00Z\",\"signature\":\"AQIDBAU=\","
                + "\"matches\":[]}";
        //When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize("story-clustering",
                json.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("story-clustering")
                .hasStackTraceContaining("whole number of longs");
    }
}
