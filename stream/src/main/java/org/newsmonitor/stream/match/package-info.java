/**
 * Matching articles against the theme set in force: {@link org.newsmonitor.stream.match.MatchThemesProcessor} calls
 * the pure matcher of the themes library and hands {@link org.newsmonitor.stream.match.MatchedArticle}s on to story
 * clustering.
 */
package org.newsmonitor.stream.match;
