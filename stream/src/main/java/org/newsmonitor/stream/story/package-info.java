/**
 * Story clustering: other outlets' versions of one report (wire copy, re-titled, re-ordered or shortened
 * republications) get the story id of the first copy seen; a story spans at most 72 hours (docs/stories.md).
 * {@link org.newsmonitor.stream.story.StoryTerms}, {@link org.newsmonitor.stream.story.StoryFingerprint} and
 * {@link org.newsmonitor.stream.story.MinHash} are pure; {@link org.newsmonitor.stream.story.StoryClusterProcessor}
 * keeps its members in a changelogged key-value store and looks them up through the in-memory
 * {@link org.newsmonitor.stream.story.StoryIndex}, which examines at most the last 8 members to arrive of each band,
 * so that a flood of copies of one report cannot make a lookup compare the whole window.
 */
package org.newsmonitor.stream.story;
