package org.newsmonitor.stream.story;

/**
 * An indexed article: the story it belongs to and its MinHash signature.
 *
 * @param storyId   the id of the story (the id of its first article)
 * @param signature MinHash signature of the article's normalised title and summary
 */
public record StoryMember(String storyId, long[] signature) {
}
