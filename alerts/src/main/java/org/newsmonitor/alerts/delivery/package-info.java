/**
 * Alert delivery, at least once: {@link org.newsmonitor.alerts.delivery.AlertDeliveryConsumer} reads the alerts
 * topic and commits an alert's offset only after each of its channels delivered or dead-lettered it;
 * {@link org.newsmonitor.alerts.delivery.EndpointQueues} runs attempts one endpoint queue at a time so that a failing
 * endpoint never delays another, retrying on a {@link org.newsmonitor.alerts.delivery.RetrySchedule};
 * {@link org.newsmonitor.alerts.delivery.WebhookChannel} signs each POST
 * ({@link org.newsmonitor.alerts.delivery.WebhookSignature}) and never follows redirects. Receivers de-duplicate by
 * the webhook-id header, the alert id.
 */
package org.newsmonitor.alerts.delivery;
