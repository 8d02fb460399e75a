package org.newsmonitor.stream.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.DlqHeaders;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.DeadLetterEvent;

class DeadLetterHandlersTest {
    private static final byte[] KEY = "k-7".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"broken\":".getBytes(StandardCharsets.UTF_8);

    private static DeadLetterEvent read(byte[] value) {
        return Topics.DEAD_LETTERS.valueSerde().deserialize(Topics.DEAD_LETTERS.name(), value);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldResumeWithDeadLetterWhenTypedSourceCannotBeDeserialised() {
        //Given
        var record = new ConsumerRecord<>("story-clustering-repartition", 0, 12L, KEY, VALUE);
        var context = new Context("story-clustering-repartition", 0, 12L, "story-clustering-repartition-source");
        //When
        var response = new DeadLetterDeserializationHandler().handleError(context, record,
                new SerializationException("Malformed JSON"));
        //Then
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
            assertThat(dlq.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            assertThat(dlq.key()).isEqualTo(KEY);
            DeadLetterEvent event = read(dlq.value());
            assertThat(event.stage()).isEqualTo("stream.deserialize.story-clustering-repartition-source");
            assertThat(event.payload()).isEqualTo("{\"broken\":");
            assertThat(event.sourceOffset()).isEqualTo(12L);
            assertThat(header(dlq.headers(), DlqHeaders.REASON)).isEqualTo("Malformed JSON");
        });
    }

    @Test
    void shouldResumeWithDeadLetterNamingTheProcessorWhenProcessingThrows() {
        //Given
        var context = new Context(Topics.ARTICLES.name(), 2, 99L, "match-themes");
        //When
        var response = new DeadLetterProcessingHandler().handleError(context, new Record<>("k-7", "v", 0L),
                new IllegalStateException("matcher failed on odd text"));
        //Then
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
            DeadLetterEvent event = read(dlq.value());
            assertThat(event.stage()).isEqualTo("stream.match-themes");
            assertThat(event.sourceTopic()).isEqualTo(Topics.ARTICLES.name());
            assertThat(event.sourcePartition()).isEqualTo(2);
            assertThat(event.reason()).isEqualTo("matcher failed on odd text");
            assertThat(header(dlq.headers(), DlqHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
            assertThat(header(dlq.headers(), DlqHeaders.SOURCE_OFFSET)).isEqualTo("99");
        });
    }

    /** The error context Kafka Streams hands to handlers, for a record read from {@code topic}. */
    private record Context(String topic, int partition, long offset, String processorNodeId)
            implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return KEY;
        }

        @Override
        public byte[] sourceRawValue() {
            return VALUE;
        }
    }
}
