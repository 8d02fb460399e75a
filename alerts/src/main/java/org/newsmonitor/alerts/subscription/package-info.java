/**
 * Subscriptions: what a user wants alerts about and where they go.
 *
 * <p>Request bodies are read strictly by {@link org.newsmonitor.alerts.subscription.StrictJsonReader} (one object,
 * bounded nesting and numbers, valid Unicode), then by
 * {@link org.newsmonitor.alerts.subscription.SubscriptionRequestParser} (JSON shape, naming each mistyped field),
 * checked by {@link org.newsmonitor.alerts.subscription.SubscriptionValidator} (known themes, filters, safe and
 * diallable webhook URL, e-mail with an SMTP server) and applied by {@link org.newsmonitor.alerts.subscription.SubscriptionService},
 * which lets an owner see and change only their own subscriptions, up to a quota, page by page
 * ({@link org.newsmonitor.alerts.subscription.SubscriptionCursor}) and by merge patch
 * ({@link org.newsmonitor.alerts.subscription.JsonMergePatch}). They are stored only on the compacted
 * subscriptions topic ({@link org.newsmonitor.alerts.subscription.KafkaSubscriptionStore}).
 */
package org.newsmonitor.alerts.subscription;
