/**
 * The monitor's topic contracts: what every topic is called, how it is keyed, what its values look like.
 *
 * <h2>Topics</h2>
 * {@link org.newsmonitor.contracts.Topics} lists every topic as a {@link org.newsmonitor.contracts.TopicSpec}:
 * name, key, value record, JSON Schema file, default partitions and cleanup policy. Use the spec's serdes
 * rather than constructing your own.
 *
 * <h2>Records</h2>
 * The values are immutable Java records in {@code org.newsmonitor.contracts.event}. Each carries a
 * {@code schemaVersion} and validates itself on construction, naming the field that is wrong. Readers tolerate
 * unknown JSON properties, so producers may add optional fields without breaking consumers, and such an additive
 * change keeps the record's {@code schemaVersion} (its {@code CURRENT_VERSION}): the version is the shape's major
 * version. Readers accept versions 1 up to {@code CURRENT_VERSION} and refuse a higher one
 * ({@link org.newsmonitor.contracts.event.Checks#schemaVersion}). Removing or retyping a field is a breaking change:
 * it needs a new topic, whose records carry the next version. See docs/topics.md, "Evolution policy".
 *
 * <h2>Reading records</h2>
 * {@link org.newsmonitor.contracts.TopicSpec#decode} reads one value and checks it against its key (subscriptions,
 * themes and feed state must be keyed by their own id); {@link org.newsmonitor.contracts.TopicReader} does that for
 * every reader of the monitor and dead-letters what it cannot take ({@link org.newsmonitor.contracts.DeadLetters},
 * {@link org.newsmonitor.contracts.DeadLetterSink}), so that no record stops a service.
 *
 * <h2>Dependencies</h2>
 * This module depends on kafka-clients, Jackson and slf4j-api only, so that other services can consume the monitor's
 * topics with it and nothing else.
 */
package org.newsmonitor.contracts;
