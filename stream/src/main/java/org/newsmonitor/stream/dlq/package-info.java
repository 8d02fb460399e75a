/**
 * Dead letters: nothing the stream application cannot process is lost. Undeserialisable articles are routed by the
 * {@code decode-articles} processor; other undeserialisable records and processor failures by Kafka Streams' error
 * handlers ({@link org.newsmonitor.stream.dlq.DeadLetterDeserializationHandler},
 * {@link org.newsmonitor.stream.dlq.DeadLetterProcessingHandler}). Each lands on {@code news-dead-letters} as a
 * {@link org.newsmonitor.contracts.event.DeadLetterEvent} with the original key and bytes and
 * {@link org.newsmonitor.contracts.DlqHeaders} headers. The theme catalog, a global store that cannot forward,
 * writes its dead letters through a {@link org.newsmonitor.contracts.DeadLetterProducer} of its own.
 */
package org.newsmonitor.stream.dlq;
