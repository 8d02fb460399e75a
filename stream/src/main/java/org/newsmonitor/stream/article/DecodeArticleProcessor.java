package org.newsmonitor.stream.article;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.stream.dlq.RecordOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the raw bytes of {@code news-articles}. A valid article is forwarded with the article id as key and its
 * event time as timestamp; malformed JSON, a record failing validation or an empty value becomes a dead letter with
 * {@code DlqHeaders} on the record, so the next processor can route it to {@code news-dead-letters}.
 *
 * <p>Event time is the publication time, except that a publication time further in the future than
 * {@code maxFutureSkew} is clamped to now plus that skew: one article with a wrong year must not push the windows'
 * stream time ahead and make every later article "late".
 */
public final class DecodeArticleProcessor implements Processor<String, byte[], String, DecodedArticle> {
    /** The stage named in dead letters from this processor. */
    public static final String STAGE = "stream.read-articles";
    private static final Logger LOG = LoggerFactory.getLogger(DecodeArticleProcessor.class);

    private final JsonSerde<ArticleEvent> serde = Topics.ARTICLES.valueSerde();
    private final long maxFutureSkewMs;
    private ProcessorContext<String, DecodedArticle> context;

    /** @param maxFutureSkew how far in the future a publication time may lie before it is clamped */
    public DecodeArticleProcessor(Duration maxFutureSkew) {
        this.maxFutureSkewMs = maxFutureSkew.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, DecodedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            if (record.value() == null) {
                throw new SerializationException("Empty value (tombstone) on topic '" + Topics.ARTICLES.name()
                        + "': articles are never deleted");
            }
            ArticleEvent article = serde.deserialize(Topics.ARTICLES.name(), record.value());
            long eventTime = Math.min(article.publishedAt().toEpochMilli(),
                    context.currentSystemTimeMs() + maxFutureSkewMs);
            context.forward(record.withKey(article.id()).withValue(new DecodedArticle(article, null))
                    .withTimestamp(eventTime));
        } catch (SerializationException | IllegalArgumentException e) {
            RecordOrigin origin = RecordOrigin.of(context.recordMetadata());
            DeadLetterEvent deadLetter = DeadLetters.event(STAGE, origin.topic(), origin.partition(), origin.offset(),
                    record.key(), record.value(), e, Instant.ofEpochMilli(context.currentSystemTimeMs()));
            LOG.warn("Dead-lettered article record {}-{}@{} (key '{}'): {}", origin.topic(), origin.partition(),
                    origin.offset(), record.key(), deadLetter.reason());
            context.forward(record.withValue(new DecodedArticle(null, deadLetter))
                    .withHeaders(DeadLetters.headers(deadLetter, e)));
        }
    }
}
