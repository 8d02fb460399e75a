package org.newsmonitor.contracts.event;

/**
 * A record of a compacted topic that names its own key (a subscription's id, a theme's id, a feed's id). Readers
 * take such a record only under that key: one whose topic key differs is refused (see
 * {@link org.newsmonitor.contracts.TopicSpec#decode}), so that a record written under one key can never replace,
 * say, another owner's subscription.
 */
public interface KeyedRecord {
    /** The topic key this record must be written under; never null. */
    String recordKey();
}
