/**
 * E-mail delivery: single alert mails and hourly or daily digests ({@link org.newsmonitor.alerts.digest.DigestBuffer},
 * {@link org.newsmonitor.alerts.digest.AlertMails}) sent over SMTP with Angus Mail
 * ({@link org.newsmonitor.alerts.digest.SmtpMailer}) through the
 * {@link org.newsmonitor.alerts.digest.EmailChannel}, retried and dead-lettered like webhooks.
 */
package org.newsmonitor.alerts.digest;
