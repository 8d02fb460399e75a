/**
 * Alert delivery, at least once, in three parts:
 * <ul>
 *   <li>{@link org.newsmonitor.alerts.delivery.AlertDeliveryConsumer}, the consumer loop: reads the alerts topic,
 *       pauses while too many alerts are in delivery, and commits an alert's offset only after each of its
 *       deliveries was delivered or dead-lettered, even when they finish out of order, and across rebalances;</li>
 *   <li>{@link org.newsmonitor.alerts.delivery.DeliveryPlanner}, pure: which channels still need an alert, given its
 *       subscription and the outcomes recorded so far; {@link org.newsmonitor.alerts.delivery.AlertDispatcher} turns
 *       the plan into queued jobs and acknowledges the alert when they are done;</li>
 *   <li>{@link org.newsmonitor.alerts.digest.DigestScheduler}: the e-mail digests.</li>
 * </ul>
 * Every way out is a {@link org.newsmonitor.alerts.delivery.Channel}: webhook, e-mail, ntfy, Slack, Telegram and the
 * console. {@link org.newsmonitor.alerts.delivery.EndpointQueues} runs attempts one endpoint queue at a time so that a
 * failing endpoint never delays another, retrying on a {@link org.newsmonitor.alerts.delivery.RetrySchedule};
 * {@link org.newsmonitor.alerts.delivery.WebhookChannel} signs each POST
 * ({@link org.newsmonitor.alerts.delivery.WebhookSignature}) and never follows redirects. Receivers de-duplicate by
 * the webhook-id header, the alert id.
 */
package org.newsmonitor.alerts.delivery;
