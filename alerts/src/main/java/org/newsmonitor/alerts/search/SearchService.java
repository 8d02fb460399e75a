package org.newsmonitor.alerts.search;

import java.time.Clock;
import java.time.Duration;
import org.newsmonitor.alerts.kafka.TopicFollower;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.DeadLetterSink;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.themes.Lexicon;

/**
 * The search index with what reads it: the archive search, the stories and the subscription preview, and, once
 * {@link #follow started}, the consumer that rebuilds the index from {@code news-articles} and
 * {@code news-theme-matches} (from the beginning, read_committed) and keeps it current. The themes in force
 * ({@link #catalog()}) are fed by the service's views, which read {@code news-themes} already.
 */
public final class SearchService implements AutoCloseable {
    private final ArticleIndex index;
    private final Lexicon lexicon;
    private final CatalogThemes catalog;
    private final ArticleSearch search;
    private final SubscriptionPreview preview;
    private final StoryView stories;
    private TopicFollower follower;

    /**
     * @param index   where articles are indexed
     * @param lexicon the lists queries and themes may refer to (the stream service's)
     * @param text    how the stream service prepares an article's text for matching
     * @param clock   the preview's default window ends now
     */
    public SearchService(ArticleIndex index, Lexicon lexicon, ArticleText text, Clock clock) {
        this.index = index;
        this.lexicon = lexicon;
        this.catalog = new CatalogThemes(lexicon);
        this.search = new ArticleSearch(index, catalog);
        this.preview = new SubscriptionPreview(index, catalog, text, clock);
        this.stories = new StoryView(index, catalog, text, clock);
    }

    /** Starts following the topics on a consumer of its own; returns at once (the index fills in the background). */
    public synchronized void follow(ClientSettings kafka, DeadLetterSink deadLetters, Clock clock) {
        follower = new TopicFollower(kafka, "news-monitor-alerts-search", deadLetters, clock);
        follower.follow(Topics.ARTICLES, null, index::index);
        follower.follow(Topics.THEME_MATCHES, null, index::annotate);
        follower.start();
    }

    /** Whether the index holds every article that was in Kafka when it started (always true when not following). */
    public boolean caughtUp() {
        TopicFollower f = follower;
        if (f == null) {
            return true;
        }
        try {
            return f.awaitCaughtUp(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** "ok", or why the index is not current; for {@code /health}. */
    public String check() {
        TopicFollower f = follower;
        return f != null && f.failure() != null ? "search index " + f.failure() : "ok";
    }

    /** The index (tests and benchmarks feed it directly). */
    public ArticleIndex index() {
        return index;
    }

    /** The themes the preview matches with. */
    public CatalogThemes catalog() {
        return catalog;
    }

    /** The lists queries may refer to. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** The archive search. */
    public ArticleSearch search() {
        return search;
    }

    /** The subscription preview. */
    public SubscriptionPreview preview() {
        return preview;
    }

    /** The stories: every copy of one, with why each matched. */
    public StoryView stories() {
        return stories;
    }

    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
        index.close();
    }
}
