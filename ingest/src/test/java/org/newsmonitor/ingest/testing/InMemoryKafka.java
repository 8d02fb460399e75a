package org.newsmonitor.ingest.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.contracts.event.FeedStateEvent;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.publish.ArticlePublisher;
import org.newsmonitor.ingest.publish.PublishException;
import org.newsmonitor.ingest.publish.PublishReceipt;
import org.newsmonitor.ingest.state.FeedStateStore;
import org.newsmonitor.ingest.state.StateUnavailableException;

/**
 * Transactional publishing and the feed-state topic in memory, with switchable failures: Kafka down (nothing
 * committed, calls fail) and "committed but the acknowledgement was lost" (committed, call fails).
 */
public final class InMemoryKafka implements ArticlePublisher, FeedStateStore {
    private final List<ArticleEvent> articles = new ArrayList<>();
    private final List<DeadLetterEvent> deadLetters = new ArrayList<>();
    private final Map<String, FeedStateEvent> states = new HashMap<>();
    private final List<FeedStateEvent> stateHistory = new ArrayList<>();
    private boolean down;
    private boolean refusePublishes;
    private boolean loseNextAcknowledgement;
    private int transactions;

    @Override
    public synchronized PublishReceipt publish(List<MappedArticle> batch, List<FeedStateEvent> newStates)
            throws PublishException {
        if (down || refusePublishes) {
            throw new PublishException("Kafka at memory unavailable while publishing: broker down", null);
        }
        transactions++;
        batch.forEach(a -> articles.add(a.event()));
        newStates.forEach(s -> {
            states.put(s.feedId(), s);
            stateHistory.add(s);
        });
        if (loseNextAcknowledgement) {
            loseNextAcknowledgement = false;
            throw new PublishException("Kafka at memory unavailable while publishing: commit outcome unknown", null);
        }
        return new PublishReceipt(batch.size(), newStates.size(), List.of());
    }

    @Override
    public synchronized void deadLetter(List<DeadLetterEvent> letters) throws PublishException {
        if (down || refusePublishes) {
            throw new PublishException("Kafka at memory unavailable while writing dead letters: broker down", null);
        }
        transactions++;
        deadLetters.addAll(letters);
    }

    @Override
    public synchronized void ready() throws PublishException {
        if (down) {
            throw new PublishException("Kafka at memory unavailable while connecting: broker down", null);
        }
    }

    @Override
    public synchronized Map<String, FeedStateEvent> readAll() throws StateUnavailableException {
        if (down) {
            throw new StateUnavailableException("Cannot read news-feed-state from Kafka at memory: broker down", null);
        }
        return new HashMap<>(states);
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** Switches the broker off or on. */
    public synchronized void down(boolean isDown) {
        this.down = isDown;
    }

    /** Publishes fail while connecting and reading still work, as when the broker dies mid-run. */
    public synchronized void refusePublishes(boolean refuse) {
        this.refusePublishes = refuse;
    }

    /** The next publish commits but reports a failure, as when the broker dies before acknowledging. */
    public synchronized void loseNextAcknowledgement() {
        this.loseNextAcknowledgement = true;
    }

    /** Articles committed, in order. */
    public synchronized List<ArticleEvent> articles() {
        return List.copyOf(articles);
    }

    /** Dead letters committed, in order. */
    public synchronized List<DeadLetterEvent> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** The committed state of a feed, or null. */
    public synchronized FeedStateEvent state(String feedId) {
        return states.get(feedId);
    }

    /** Every state record committed, in order. */
    public synchronized List<FeedStateEvent> stateHistory() {
        return List.copyOf(stateHistory);
    }

    /** Transactions committed. */
    public synchronized int transactions() {
        return transactions;
    }
}
