/**
 * Story clustering: near-duplicate copies of one report (syndicated wire copy, re-titled republications) get the
 * story id of the first copy seen. {@link org.newsmonitor.stream.story.TextShingles} and
 * {@link org.newsmonitor.stream.story.MinHash} are pure; {@link org.newsmonitor.stream.story.StoryClusterProcessor}
 * keeps its members in a changelogged key-value store and looks them up through the in-memory
 * {@link org.newsmonitor.stream.story.StoryIndex}.
 */
package org.newsmonitor.stream.story;
