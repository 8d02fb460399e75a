/**
 * In-memory views of Kafka topics that the HTTP API, the live streams and the dashboard read: recent alerts per
 * subscription ({@link org.newsmonitor.alerts.view.AlertFeed}), delivery outcomes
 * ({@link org.newsmonitor.alerts.view.DeliveryLog}), theme statistics and surges
 * ({@link org.newsmonitor.alerts.view.StatsView}) and the theme catalog
 * ({@link org.newsmonitor.alerts.view.ThemesView}). Every view is bounded.
 */
package org.newsmonitor.alerts.view;
