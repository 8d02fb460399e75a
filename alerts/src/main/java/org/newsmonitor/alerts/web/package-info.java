/**
 * The HTTP face of the alerts service: the subscription API (API keys, owners see only their own), recent alerts,
 * theme statistics, live alert streams (Server-Sent Events with Last-Event-ID resume) and the dashboard's static
 * files, all served with a strict Content-Security-Policy. {@link org.newsmonitor.alerts.web.AlertsApp#create}
 * returns an unstarted Javalin app built from {@link org.newsmonitor.alerts.web.AlertsDeps}.
 */
package org.newsmonitor.alerts.web;
