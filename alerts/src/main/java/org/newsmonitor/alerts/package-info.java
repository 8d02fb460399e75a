/**
 * The alerts service of the news monitor: it joins theme matches with subscriptions into alerts (a Kafka Streams
 * topology), delivers them reliably (webhooks, e-mail, live streams, console) and serves the subscription API and the
 * dashboard. {@link org.newsmonitor.alerts.AlertsService} runs it all from an
 * {@link org.newsmonitor.alerts.AlertsConfig}.
 */
package org.newsmonitor.alerts;
