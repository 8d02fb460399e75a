package org.newsmonitor.ingest.publish;

import java.util.List;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.normalize.MappedArticle;

/** Where articles and feed state go; Kafka in production, memory in unit tests. */
public interface ArticlePublisher extends AutoCloseable {

    /**
     * Publishes articles and feed states atomically: all become visible, or none.
     *
     * @param articles articles in the order to publish; never null
     * @param states   feed states to write with them; never null
     * @return what was written; never null
     * @throws PublishException when Kafka did not commit the batch (unavailable, timeout, fenced)
     */
    PublishReceipt publish(List<MappedArticle> articles, List<FeedStateEvent> states) throws PublishException;

    /**
     * Publishes dead letters (input that could not be read, kept whole with the reason) in one transaction.
     *
     * @param letters the dead letters; never null
     * @throws PublishException when Kafka did not commit them
     */
    void deadLetter(List<DeadLetterEvent> letters) throws PublishException;

    /**
     * Makes sure the publisher can publish, settling any transaction left open by an earlier failure.
     *
     * @throws PublishException when Kafka is not reachable within the timeout
     */
    void ready() throws PublishException;

    /** Releases the connection to Kafka within a couple of seconds. */
    @Override
    void close();
}
