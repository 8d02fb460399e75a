/**
 * The alert policy: which theme matches and surges each subscription wants, as a Kafka Streams topology.
 *
 * <p>{@link org.newsmonitor.alerts.policy.AlertPolicy} holds the pure filter rules (themes, minimum score,
 * languages, sources, surges). {@link org.newsmonitor.alerts.policy.AlertPolicyTopology} joins matches with the
 * subscriptions held in a global store fed by the compacted subscriptions topic, gives every alert a deterministic
 * id ({@link org.newsmonitor.alerts.policy.AlertIds}) and remembers emitted ids in a windowed store so that copies of
 * one story and re-processed matches never yield a second alert. Records that do not parse go to the dead-letter
 * topic inside the same transaction, and processing carries on.
 */
package org.newsmonitor.alerts.policy;
