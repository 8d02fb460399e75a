package org.newsmonitor.stream.story;

/**
 * An entry of the LSH band index: an article having a given band.
 *
 * @param articleId     the article
 * @param eventTimeMs its event time, which is also its timestamp in the article store
 */
public record StoryRef(String articleId, long eventTimeMs) {
}
