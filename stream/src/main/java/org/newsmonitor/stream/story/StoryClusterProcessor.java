package org.newsmonitor.stream.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.stream.match.MatchedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article that matched a theme a story id: the story id of the most similar earlier such article
 * published within the story window (weighted similarity of the title-and-summary terms of their
 * {@link StoryFingerprint}s at least the threshold) whose story, with the new article, spans at most
 * {@link #MAX_STORY_SPAN_IN_WINDOWS} story windows of publication time, or its own id when there is none. Members
 * live in a key-value store (article id to {@link StoryMember}, changelogged) and, for lookups, in an in-memory
 * {@link StoryIndex} rebuilt from the store when the task starts. Members older than twice the window behind the
 * latest event time seen are dropped from both, unless they are among the last {@link #KEPT_ARRIVALS} to arrive
 * (articles do not arrive in order of publication: see {@link StoryIndex}). Runs on a single partition so that
 * every copy of a story meets the same index. Forwards one {@link ThemeMatchEvent} per theme hit, keyed by story id,
 * with the article's event time (publication time, clamped when far in the future) as timestamp.
 */
public final class StoryClusterProcessor implements Processor<String, MatchedArticle, String, ThemeMatchEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryClusterProcessor.class);

    /**
     * How many of the last articles to arrive stay in the index whatever their publication time: more than the
     * matched articles of a first poll of a large feed set, about 10 MB of signatures.
     */
    public static final int KEPT_ARRIVALS = 10_000;

    /**
     * The longest a story may last, from its earliest to its latest copy's publication time, in story windows
     * (72 hours for the default window of 48): wire copies of one report come within hours, so a longer chain of
     * similar articles is a run of reports (daily rounds of talks, daily records), not one story. Below the two
     * windows for which members are kept, so a story's first members are still known when it reaches the limit.
     */
    public static final double MAX_STORY_SPAN_IN_WINDOWS = 1.5;

    private final String storeName;
    private final long windowMs;
    private final long maxSpanMs;
    private final double threshold;
    private final StoryIndex index;
    private long latestEventTimeMs = Long.MIN_VALUE;
    private ProcessorContext<String, ThemeMatchEvent> context;
    private KeyValueStore<String, StoryMember> members;

    /**
     * @param storeName key-value store of article id to {@link StoryMember}
     * @param window    how far apart in publication time two copies of one story may be
     * @param threshold least estimated similarity for two articles to be one story, in (0, 1]
     * @param keptArrivals how many of the last articles to arrive stay whatever their publication time
     */
    public StoryClusterProcessor(String storeName, Duration window, double threshold, int keptArrivals) {
        this.storeName = storeName;
        this.index = new StoryIndex(keptArrivals);
        this.windowMs = window.toMillis();
        this.maxSpanMs = (long) (windowMs * MAX_STORY_SPAN_IN_WINDOWS);
        this.threshold = threshold;
    }

    @Override
    public void init(ProcessorContext<String, ThemeMatchEvent> context) {
        this.context = context;
        this.members = context.getStateStore(storeName);
        List<StoryMember> stored = new ArrayList<>();
        try (KeyValueIterator<String, StoryMember> all = members.all()) {
            while (all.hasNext()) {
                stored.add(all.next().value);
            }
        }
        // in their order of arrival, so that the last arrivals before the restart are the last arrivals again;
        // members stored without one come first, newest first, so that late ones among them are the last of those
        stored.sort(Comparator.comparingLong(StoryMember::arrival)
                .thenComparing(Comparator.comparingLong(StoryMember::eventTimeMs).reversed()));
        for (StoryMember member : stored) {
            index.add(member);
            latestEventTimeMs = Math.max(latestEventTimeMs, member.eventTimeMs());
        }
        expireOldMembers();
        LOG.info("Story index of task {} rebuilt with {} recent articles", context.taskId(), index.size());
    }

    @Override
    public void process(Record<String, MatchedArticle> record) {
        MatchedArticle article = record.value();
        long time = record.timestamp();
        String found = index.findStory(article.articleId(), article.signature(), time, windowMs, maxSpanMs,
                threshold);
        String storyId = found == null ? article.articleId() : found;
        if (found != null) {
            LOG.debug("Article {} joins story {}", article.articleId(), storyId);
        }
        long arrival = context.recordMetadata().map(RecordMetadata::offset).orElse(StoryMember.UNKNOWN_ARRIVAL);
        long storyStart = found == null ? time : Math.min(time, index.storyStart(found, time));
        StoryMember member = new StoryMember(article.articleId(), storyId, time, article.signature(), arrival,
                storyStart);
        members.put(member.articleId(), member);
        index.add(member);
        latestEventTimeMs = Math.max(latestEventTimeMs, time);
        expireOldMembers();
        for (ThemeMatchEvent match : article.matches()) {
            ThemeMatchEvent inStory = new ThemeMatchEvent(match.schemaVersion(), match.articleId(), storyId,
                    match.themeId(), match.themeTitle(), match.polarity(), match.score(), match.terms(),
                    match.snippet(), match.title(), match.url(), match.source(), match.language(),
                    match.publishedAt(), match.matchedAt(), match.themeRevision(), match.snippetTerms(),
                    match.subTopics());
            context.forward(new Record<>(storyId, inStory, time, record.headers()));
        }
    }

    private void expireOldMembers() {
        if (latestEventTimeMs == Long.MIN_VALUE) {
            return;
        }
        for (StoryMember old : index.expireBefore(latestEventTimeMs - 2 * windowMs)) {
            members.delete(old.articleId());
        }
    }
}
