package org.newsmonitor.stream.story;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.stream.match.MatchedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article a story id: the story id of the most similar earlier article published within the story
 * window (MinHash estimate of the Jaccard similarity of title-and-summary word pairs at least the threshold), or its
 * own id when there is none. Candidates come from an LSH band index; both stores are event-time window stores whose
 * retention bounds them. Runs on a single partition so that every copy of a story meets the same index. Forwards
 * one {@link ThemeMatchEvent} per theme hit, keyed by story id, with the article's event time (publication
 * time, clamped when far in the future) as timestamp.
 */
public final class StoryClusterProcessor implements Processor<String, MatchedArticle, String, ThemeMatchEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryClusterProcessor.class);

    private final String bandStoreName;
    private final String articleStoreName;
    private final long windowMs;
    private final double threshold;
    private ProcessorContext<String, ThemeMatchEvent> context;
    private WindowStore<String, StoryRef> bands;
    private WindowStore<String, StoryMember> articles;

    /**
     * @param bandStoreName    window store of band key to {@link StoryRef} (retaining duplicates)
     * @param articleStoreName window store of article id to {@link StoryMember}
     * @param window           how far apart in publication time two copies of one story may be
     * @param threshold        least estimated similarity for two articles to be one story, in (0, 1]
     */
    public StoryClusterProcessor(String bandStoreName, String articleStoreName, Duration window, double threshold) {
        this.bandStoreName = bandStoreName;
        this.articleStoreName = articleStoreName;
        this.windowMs = window.toMillis();
        this.threshold = threshold;
    }

    @Override
    public void init(ProcessorContext<String, ThemeMatchEvent> context) {
        this.context = context;
        this.bands = context.getStateStore(bandStoreName);
        this.articles = context.getStateStore(articleStoreName);
    }

    @Override
    public void process(Record<String, MatchedArticle> record) {
        MatchedArticle article = record.value();
        long time = record.timestamp();
        String[] bandKeys = MinHash.bandKeys(article.signature());
        String storyId = findStory(article, time, bandKeys);
        articles.put(article.articleId(), new StoryMember(storyId, article.signature()), time);
        for (String band : bandKeys) {
            bands.put(band, new StoryRef(article.articleId(), time), time);
        }
        for (ThemeMatchEvent match : article.matches()) {
            ThemeMatchEvent inStory = new ThemeMatchEvent(match.schemaVersion(), match.articleId(), storyId,
                    match.themeId(), match.themeTitle(), match.polarity(), match.score(), match.terms(),
                    match.snippet(), match.title(), match.url(), match.source(), match.language(),
                    match.publishedAt(), match.matchedAt());
            context.forward(new Record<>(storyId, inStory, time, record.headers()));
        }
    }

    private String findStory(MatchedArticle article, long time, String[] bandKeys) {
        Instant from = Instant.ofEpochMilli(Math.max(0, time - windowMs));
        Instant to = Instant.ofEpochMilli(time + windowMs);
        Map<String, Long> candidates = new LinkedHashMap<>();
        for (String band : bandKeys) {
            try (WindowStoreIterator<StoryRef> refs = bands.fetch(band, from, to)) {
                while (refs.hasNext()) {
                    StoryRef ref = refs.next().value;
                    if (!ref.articleId().equals(article.articleId())) {
                        candidates.putIfAbsent(ref.articleId(), ref.eventTimeMs());
                    }
                }
            }
        }
        String bestStory = null;
        double bestSimilarity = 0;
        long bestTime = Long.MAX_VALUE;
        for (Map.Entry<String, Long> candidate : candidates.entrySet()) {
            StoryMember member = articles.fetch(candidate.getKey(), candidate.getValue());
            if (member == null) {
                continue;
            }
            double similarity = MinHash.similarity(article.signature(), member.signature());
            boolean better = bestStory == null || similarity > bestSimilarity
                    || similarity == bestSimilarity && candidate.getValue() < bestTime;
            if (similarity >= threshold && better) {
                bestStory = member.storyId();
                bestSimilarity = similarity;
                bestTime = candidate.getValue();
            }
        }
        if (bestStory == null) {
            return article.articleId();
        }
        LOG.debug("Article {} joins story {} (similarity {})", article.articleId(), bestStory, bestSimilarity);
        return bestStory;
    }
}
