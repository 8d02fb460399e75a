/**
 * The list of feeds to poll: {@link org.newsmonitor.ingest.feed.FeedDefinition} records read by {@link
 * org.newsmonitor.ingest.feed.FeedListReader} from an OPML file (what every feed reader exports) or a YAML list,
 * or from the bundled default list of public feeds about the Russia–China relationship.
 */
package org.newsmonitor.ingest.feed;
