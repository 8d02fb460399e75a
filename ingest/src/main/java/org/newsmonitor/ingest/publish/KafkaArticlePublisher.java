package org.newsmonitor.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch in one Kafka transaction. After any failure the producer is thrown away; the next call
 * creates a new one whose {@code initTransactions} settles (aborts or completes) whatever the old one left open, so
 * callers can re-read the committed feed state and know exactly what was published.
 *
 * <p>Topics out: {@code news-articles} (key: article id, value: ArticleEvent JSON, timestamp: publishedAt, header
 * {@code nm.ingest.flags}), {@code news-feed-state} (key: feed id, value: FeedStateEvent JSON), {@code
 * news-dead-letters} (key: article id, value: DeadLetterEvent JSON).
 */
public final class KafkaArticlePublisher implements ArticlePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArticlePublisher.class);

    private final Properties properties;
    private final String bootstrap;
    private final Clock clock;
    private final ArticleRecords records = new ArticleRecords();
    private KafkaProducer<String, byte[]> producer;
    private boolean closed;

    /**
     * @param properties producer properties from {@link ProducerSettings#transactional}
     * @param clock      time source for dead letters
     */
    public KafkaArticlePublisher(Properties properties, Clock clock) {
        this.properties = properties;
        this.bootstrap = String.valueOf(properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.clock = clock;
    }

    @Override
    public synchronized PublishReceipt publish(List<MappedArticle> articles, List<FeedStateEvent> states)
            throws PublishException {
        if (articles.isEmpty() && states.isEmpty()) {
            return PublishReceipt.NOTHING;
        }
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>(articles.size() + states.size());
        for (MappedArticle article : articles) {
            batch.add(records.article(article, ProducerSettings.MAX_RECORD_BYTES, clock.instant()));
        }
        for (FeedStateEvent state : states) {
            batch.add(records.state(state));
        }
        send(batch, "publishing " + articles.size() + " articles");
        List<String> dead = ArticleRecords.deadLetterReasons(batch);
        return new PublishReceipt(articles.size() - dead.size(), states.size(), dead);
    }

    @Override
    public synchronized void deadLetter(List<DeadLetterEvent> letters) throws PublishException {
        if (letters.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>(letters.size());
        for (DeadLetterEvent letter : letters) {
            batch.add(records.deadLetter(letter, null));
        }
        send(batch, "writing " + letters.size() + " dead letters");
    }

    // one transaction: all records become visible, or none
    private void send(List<ProducerRecord<String, byte[]>> batch, String doing) throws PublishException {
        KafkaProducer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<String, byte[]> record : batch) {
                p.send(record);
            }
            p.commitTransaction();
        } catch (KafkaException | IllegalStateException e) {
            discard();
            throw failure(doing, e);
        }
    }

    @Override
    public synchronized void ready() throws PublishException {
        producer();
    }

    private KafkaProducer<String, byte[]> producer() throws PublishException {
        if (closed) {
            throw new PublishException("the publisher is closed", null);
        }
        if (producer == null) {
            try {
                producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
                producer.initTransactions();
            } catch (KafkaException e) {
                discard();
                throw failure("connecting", e);
            }
        }
        return producer;
    }

    private PublishException failure(String doing, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof ProducerFencedException) {
            reason = "another process with transactional id '" + properties.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                    + "' took over (" + reason + ")";
        }
        return new PublishException("Kafka at " + bootstrap + " unavailable while " + doing + ": " + reason, e);
    }

    private void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                LOG.debug("Closing a failed producer: {}", e.toString());
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (KafkaException e) {
                LOG.debug("Closing the producer: {}", e.toString());
            }
            producer = null;
        }
    }
}
