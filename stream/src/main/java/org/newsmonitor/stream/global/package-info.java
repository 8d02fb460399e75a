/**
 * Global state stores fed from a compacted topic through a store of our own that reads each record
 * ({@link org.newsmonitor.stream.global.TopicFedStore}): the theme catalog and the subscriptions' queries.
 */
package org.newsmonitor.stream.global;
