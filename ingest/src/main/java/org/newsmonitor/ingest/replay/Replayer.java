package org.newsmonitor.ingest.replay;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.newsmonitor.contracts.DeadLetters;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeadLetterEvent;
import org.newsmonitor.ingest.IngestConfig;
import org.newsmonitor.ingest.feed.FullTextOption;
import org.newsmonitor.ingest.fulltext.FullTextEnricher;
import org.newsmonitor.ingest.normalize.MappedArticle;
import org.newsmonitor.ingest.parse.FeedParser;
import org.newsmonitor.ingest.fetch.HostLimiter;
import org.newsmonitor.ingest.publish.ArticlePublisher;
import org.newsmonitor.ingest.publish.KafkaArticlePublisher;
import org.newsmonitor.ingest.publish.ProducerSettings;
import org.newsmonitor.ingest.publish.PublishException;
import org.newsmonitor.ingest.publish.PublishReceipt;
import org.newsmonitor.ingest.state.KafkaFeedStateStore;
import org.newsmonitor.ingest.state.PublishedIdIndex;
import org.newsmonitor.ingest.state.StateUnavailableException;
import org.newsmonitor.outbound.Resolver;
import org.newsmonitor.outbound.SsrfGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays archives into {@code news-articles}.
 *
 * <p>Before reading, the replayer collects the ids already published: the keys on the articles topic (committed
 * records, as 64-bit hashes; see {@link PublishedIdIndex}) and the ids remembered on the compacted feed-state topic,
 * where each replay batch also records its ids per feed in the same transaction (see {@link ReplayMemory}; this
 * survives the articles topic's time retention, which deletes old history). Every article whose id is known, or
 * that appeared earlier in the same replay, counts as a duplicate and is skipped, so replaying the same archive
 * twice publishes nothing new. The rest
 * is sorted by publication time and published in transactions of up to {@value #BATCH} articles, optionally at a
 * limited rate. Files that cannot be read are reported with their path and reason and the replay carries on; a record
 * that cannot be read (a JSON line, a WARC record) is reported with its file and line or record number, written
 * whole to {@code news-dead-letters} (stage {@value #STAGE}), and the rest of its file is read. All
 * articles to publish are held in memory until sorted (about 2–5 KB each).
 *
 * <p>Topics in: {@code news-articles} (ids), {@code news-feed-state}. Topics out: {@code news-articles},
 * {@code news-feed-state} (key "replay:feedId"), {@code news-dead-letters}.
 */
public final class Replayer {
    /** Articles per transaction. */
    public static final int BATCH = 500;
    /** Stage named on the dead letters of archive records that could not be read. */
    public static final String STAGE = "ingest.replay";
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final IngestConfig config;
    private final FeedParser feedParser;
    private final Supplier<ArticlePublisher> publishers;
    private final MemorySource memory;

    /** Where the ids already published come from. */
    @FunctionalInterface
    interface MemorySource {
        ReplayMemory load() throws StateUnavailableException;
    }

    /**
     * A replayer publishing to the Kafka cluster of {@code config} with the transactional id
     * {@link IngestConfig#replayTransactionalId()}.
     *
     * @param config settings; only kafka, kafkaTimeout, transactionalIdPrefix, clock and the body limit of http
     *               (the feed size cap) are used, and when pages are fetched ({@link ReplayOptions#fetchPages()})
     *               ssrf and fullText
     */
    public Replayer(IngestConfig config) {
        this(config, () -> new KafkaArticlePublisher(ProducerSettings.transactional(config.kafka(),
                "news-monitor-replay", config.replayTransactionalId(), config.kafkaTimeout()), config.clock()),
                () -> ReplayMemory.of(PublishedIdIndex.load(config.kafka(), config.kafkaTimeout().multipliedBy(30)),
                        new KafkaFeedStateStore(config.kafka(), config.kafkaTimeout().multipliedBy(3)).readAll()));
    }

    /** A replayer with its Kafka side replaced, for tests. */
    Replayer(IngestConfig config, Supplier<ArticlePublisher> publishers, MemorySource memory) {
        this.config = config;
        this.feedParser = new FeedParser(config.http().maxBodyBytes());
        this.publishers = publishers;
        this.memory = memory;
    }

    /**
     * Replays archives.
     *
     * @param paths   files and directories (searched recursively for *.xml, *.rss, *.atom, *.rdf, *.jsonl, *.ndjson,
     *                *.json, *.warc, each optionally .gz); never null
     * @param options time window, rate and progress output; never null
     * @return what was read, published, skipped and why anything failed; never null, never throws for bad input
     */
    public ReplaySummary replay(List<Path> paths, ReplayOptions options) {
        long started = System.nanoTime();
        List<ReplayFailure> failures = new ArrayList<>();
        List<Path> files = ArchiveReader.files(paths, failures::add);
        try (ArticlePublisher publisher = publishers.get()) {
            ReplayMemory published;
            try {
                // settles an earlier replay's transaction (markers included) so the scans below see all of it
                publisher.ready();
                published = memory.load();
            } catch (PublishException | StateUnavailableException e) {
                failures.add(new ReplayFailure(ReplaySummary.KAFKA, e.getMessage() + "; nothing was published"));
                return new ReplaySummary(files.size(), 0, 0, 0, 0, 0, 0, failures, elapsed(started));
            }
            Collector collector = new Collector(options, published, failures, config.clock());
            ArchiveReader reader = new ArchiveReader(config.clock(), feedParser);
            for (Path file : files) {
                reader.read(file, collector);
            }
            deadLetter(publisher, collector.deadLetters, failures);
            List<MappedArticle> todo = collector.accepted;
            todo.sort(Comparator.comparing(a -> a.event().publishedAt()));
            if (options.fetchPages()) {
                todo = withPages(todo);
            }
            long publishedCount = publish(publisher, published, todo, options, failures);
            ReplaySummary summary = new ReplaySummary(files.size(), collector.read, publishedCount,
                    collector.duplicates, collector.outside, collector.deadLetters.size(),
                    todo.size() - publishedCount, failures, elapsed(started));
            LOG.info("Replay of {} files: {} read, {} published, {} duplicates, {} unreadable, {} failures",
                    summary.files(), summary.itemsRead(), summary.published(), summary.duplicatesSkipped(),
                    summary.unreadable(), failures.size());
            return summary;
        }
    }

    // asked for: teaser items of archived feeds get their page's text, as the live ingester would give them
    private List<MappedArticle> withPages(List<MappedArticle> todo) {
        FullTextEnricher pages = new FullTextEnricher(config.fullText().withEnabled(true),
                new SsrfGuard(Resolver.SYSTEM, config.ssrf()),
                new HostLimiter(config.fullText().pageLimits().maxPerHost()), config.clock());
        Map<String, Long> outcomes = new TreeMap<>();
        List<MappedArticle> out = new ArrayList<>(todo.size());
        for (MappedArticle article : todo) {
            if (!ArticleEvent.TEXT_FEED.equals(article.event().textSource())) {
                out.add(article);
                continue;
            }
            FullTextEnricher.Enriched enriched = pages.enrich(article.event().feedId(), FullTextOption.AUTO, null,
                    List.of(article));
            enriched.outcomes().forEach((outcome, n) -> outcomes.merge(outcome, n, Long::sum));
            out.addAll(enriched.articles());
        }
        LOG.info("Replay: article pages of teaser items: {}", outcomes);
        return out;
    }

    // the unreadable records go to the dead-letter topic, so that nothing read is lost
    private static void deadLetter(ArticlePublisher publisher, List<DeadLetterEvent> letters,
            List<ReplayFailure> failures) {
        if (letters.isEmpty()) {
            return;
        }
        try {
            publisher.deadLetter(letters);
        } catch (PublishException e) {
            failures.add(new ReplayFailure(ReplaySummary.KAFKA, e.getMessage() + "; the " + letters.size()
                    + " unreadable records were not sent to " + Topics.DEAD_LETTERS.name()));
        }
    }

    private long publish(ArticlePublisher publisher, ReplayMemory remembered, List<MappedArticle> todo,
            ReplayOptions options, List<ReplayFailure> failures) {
        if (todo.isEmpty()) {
            return 0;
        }
        ProgressReporter progress = new ProgressReporter(options.progress(), todo.size(),
                options.progress() == System.out && System.console() != null);
        long done = 0;
        long startNanos = System.nanoTime();
        int batchSize = options.ratePerSecond() > 0 ? (int) Math.max(1, Math.min(BATCH, options.ratePerSecond())) : BATCH;
        try {
            for (int from = 0; from < todo.size(); from += batchSize) {
                List<MappedArticle> batch = todo.subList(from, Math.min(todo.size(), from + batchSize));
                pace(options.ratePerSecond(), startNanos, done);
                PublishReceipt receipt = publisher.publish(batch, remembered.remember(batch, config.clock().instant()));
                for (String dead : receipt.deadLettered()) {
                    failures.add(new ReplayFailure("article " + dead.substring(0, dead.indexOf(':')),
                            "sent to the dead-letter topic:" + dead.substring(dead.indexOf(':') + 1)));
                }
                done += receipt.articles();
                progress.update(from + batch.size());
            }
        } catch (PublishException e) {
            failures.add(new ReplayFailure(ReplaySummary.KAFKA, e.getMessage() + "; " + (todo.size() - done)
                    + " articles were not published (replay again to publish them)"));
        } finally {
            progress.finish();
        }
        return done;
    }

    // waits until the rate allows `done` more articles; real time, since the rate is about the real broker
    private static void pace(double rate, long startNanos, long done) {
        if (rate <= 0) {
            return;
        }
        long dueNanos = startNanos + (long) (done / rate * 1e9);
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Filters, de-duplicates and keeps what a replay reads. */
    private static final class Collector implements ArchiveSink {
        private final ReplayOptions options;
        private final ReplayMemory published;
        private final List<ReplayFailure> failures;
        private final Clock clock;
        private final List<MappedArticle> accepted = new ArrayList<>();
        private final List<DeadLetterEvent> deadLetters = new ArrayList<>();
        private long read;
        private long duplicates;
        private long outside;

        Collector(ReplayOptions options, ReplayMemory published, List<ReplayFailure> failures, Clock clock) {
            this.options = options;
            this.published = published;
            this.failures = failures;
            this.clock = clock;
        }

        @Override
        public void article(MappedArticle article) {
            read++;
            if (!options.accepts(article.event().publishedAt())) {
                outside++;
                return;
            }
            if (!published.add(article.event().id())) {
                duplicates++;
                return;
            }
            accepted.add(article);
        }

        @Override
        public void unreadable(ReplayFailure failure, byte[] record) {
            read++;
            failures.add(failure);
            deadLetters.add(DeadLetters.event(STAGE, null, -1, -1, failure.path(), record, failure.reason(),
                    clock.instant()));
        }

        @Override
        public void failure(ReplayFailure failure) {
            failures.add(failure);
        }
    }
}
