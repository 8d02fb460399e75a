package org.newsmonitor.stream.story;

/**
 * An indexed article: the story it belongs to, its event time and its MinHash signature.
 *
 * @param articleId   the article
 * @param storyId     the id of its story (the id of the story's first article)
 * @param eventTimeMs the article's event time (publication time), epoch milliseconds
 * @param signature   MinHash signature of the article's normalised title and summary; never null
 */
public record StoryMember(String articleId, String storyId, long eventTimeMs, long[] signature) {
    public StoryMember {
        if (articleId == null || storyId == null || signature == null) {
            throw new IllegalArgumentException("articleId, storyId and signature are required");
        }
    }
}
