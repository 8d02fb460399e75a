package org.newsmonitor.stream.story;

/**
 * An indexed article: the story it belongs to, its event time, its story fingerprint and when its story began.
 *
 * @param articleId    the article
 * @param storyId      the id of its story (the id of the story's first article)
 * @param eventTimeMs  the article's event time (publication time), epoch milliseconds
 * @param signature    the {@link StoryFingerprint} of the article's title and summary; never null
 * @param arrival      when the story-clustering task received it: the record's offset on its single-partition input
 *                     topic, so arrivals keep their order across restarts; {@link #UNKNOWN_ARRIVAL} when not known
 * @param storyStartMs the earliest event time of its story when it joined (its own event time when it began the
 *                     story), so that a story's span is known after its first members have left the index
 */
public record StoryMember(String articleId, String storyId, long eventTimeMs, long[] signature, long arrival,
        long storyStartMs) {
    /** The arrival of a member stored before arrivals were recorded, or made outside a stream task. */
    public static final long UNKNOWN_ARRIVAL = -1;

    public StoryMember {
        if (articleId == null || storyId == null || signature == null) {
            throw new IllegalArgumentException("articleId, storyId and signature are required");
        }
    }

    /** A member whose story began with it. */
    public StoryMember(String articleId, String storyId, long eventTimeMs, long[] signature, long arrival) {
        this(articleId, storyId, eventTimeMs, signature, arrival, eventTimeMs);
    }

    /** A member whose arrival is not known and whose story began with it. */
    public StoryMember(String articleId, String storyId, long eventTimeMs, long[] signature) {
        this(articleId, storyId, eventTimeMs, signature, UNKNOWN_ARRIVAL, eventTimeMs);
    }
}
