package org.newsmonitor.stream.dlq;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' deserialization handler for any source the topology reads with a typed serde: the record goes to
 * {@code news-dead-letters} with its original bytes and headers, and processing continues. The articles topic does
 * not need it (the topology reads it as bytes and dead-letters in a named processor); it guards everything else.
 * Dead letters written by an error handler are outside the exactly-once transaction.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        DeadLetterEvent event = DeadLetters.event("stream.deserialize." + context.processorNodeId(), record.topic(),
                record.partition(), record.offset(), DeadLetters.keyText(record.key()), record.value(), exception,
                Instant.now());
        LOG.warn("Dead-lettered undeserialisable record {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), event.reason());
        return Response.resume(List.of(DeadLetters.rawRecord(event, exception, record.key())));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is part of the contracts
    }
}
