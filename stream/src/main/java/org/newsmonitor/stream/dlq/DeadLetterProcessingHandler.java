package org.newsmonitor.stream.dlq;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing handler: a record whose processing throws (a matcher bug on odd text, say) goes to
 * {@code news-dead-letters} with the bytes it was read as and the processor that failed, and processing continues
 * with the next record. Dead letters written by an error handler are outside the exactly-once transaction.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterEvent event = DeadLetters.event("stream." + context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), DeadLetters.keyText(context.sourceRawKey()),
                context.sourceRawValue(), exception, Instant.now());
        LOG.error("Dead-lettered record {}-{}@{} after processor '{}' failed: {}", context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), event.reason(), exception);
        return Response.resume(List.of(DeadLetters.rawRecord(event, exception, context.sourceRawKey())));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is part of the contracts
    }
}
