package org.newsmonitor.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.ingest.normalize.ArticleFlags;
import org.newsmonitor.ingest.normalize.MappedArticle;

/** Builds the ingester's Kafka records: articles keyed by id and stamped with their publication time, feed states. */
public final class ArticleRecords {
    /** Stage name on dead letters written by the ingester. */
    public static final String STAGE = "ingest.publish";
    private static final int DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;

    private final JsonSerde<ArticleEvent> articles = Topics.ARTICLES.valueSerde();
    private final JsonSerde<FeedStateEvent> states = Topics.FEED_STATE.valueSerde();
    private final JsonSerde<DeadLetterEvent> deadLetters = Topics.DEAD_LETTERS.valueSerde();

    /**
     * The record for an article, or its dead letter when the serialized article is larger than {@code maxBytes}.
     *
     * @param article  the article and its normalisation flags
     * @param maxBytes largest value accepted
     * @param now      time of the decision, for dead letters
     * @return one record; {@link #isDeadLetter} tells which kind
     */
    public ProducerRecord<String, byte[]> article(MappedArticle article, int maxBytes, Instant now) {
        ArticleEvent event = article.event();
        byte[] value = articles.serialize(Topics.ARTICLES.name(), event);
        if (value.length + event.id().length() > maxBytes) {
            RecordTooLargeException error = new RecordTooLargeException("article " + event.id() + " is " + value.length
                    + " bytes serialized, over the " + maxBytes + " byte limit; payload cut to "
                    + DEAD_LETTER_PAYLOAD_BYTES + " bytes");
            byte[] cut = Arrays.copyOf(value, Math.min(value.length, DEAD_LETTER_PAYLOAD_BYTES));
            return deadLetter(DeadLetters.event(STAGE, Topics.ARTICLES.name(), -1, -1, event.id(), cut, error, now),
                    error);
        }
        RecordHeaders headers = new RecordHeaders();
        if (!article.flags().isEmpty()) {
            headers.add(ArticleFlags.HEADER, String.join(",", article.flags().stream().sorted().toList())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(Topics.ARTICLES.name(), null, event.publishedAt().toEpochMilli(), event.id(), value,
                headers);
    }

    /** The record of a dead letter for {@code news-dead-letters}, with its headers. */
    public ProducerRecord<String, byte[]> deadLetter(DeadLetterEvent dead, Throwable error) {
        ProducerRecord<String, DeadLetterEvent> typed = DeadLetters.record(dead, error);
        return new ProducerRecord<>(typed.topic(), null, typed.key(), deadLetters.serialize(typed.topic(), dead),
                typed.headers());
    }

    /** The record of a feed's state, keyed by feed id. */
    public ProducerRecord<String, byte[]> state(FeedStateEvent state) {
        return new ProducerRecord<>(Topics.FEED_STATE.name(), state.feedId(),
                states.serialize(Topics.FEED_STATE.name(), state));
    }

    /** True when {@code record} goes to the dead-letter topic. */
    public static boolean isDeadLetter(ProducerRecord<String, byte[]> record) {
        return record.topic().equals(Topics.DEAD_LETTERS.name());
    }

    /** The dead-letter reasons of a list of records, as "id: reason". */
    static List<String> deadLetterReasons(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().filter(ArticleRecords::isDeadLetter)
                .map(r -> r.key() + ": " + new String(r.headers().lastHeader(
                        org.newsmonitor.contracts.DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .toList();
    }
}
