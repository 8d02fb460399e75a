/**
 * Subscriptions: what a user wants alerts about and where they go.
 *
 * <p>Requests are read by {@link org.newsmonitor.alerts.subscription.SubscriptionRequestParser} (JSON shape, naming
 * each mistyped field), checked by {@link org.newsmonitor.alerts.subscription.SubscriptionValidator} (known themes,
 * filters, safe webhook URL, e-mail) and applied by {@link org.newsmonitor.alerts.subscription.SubscriptionService},
 * which lets an owner see and change only their own subscriptions. They are stored only on the compacted
 * subscriptions topic ({@link org.newsmonitor.alerts.subscription.KafkaSubscriptionStore}).
 */
package org.newsmonitor.alerts.subscription;
