/**
 * E-mail delivery: single alert mails and hourly or daily digests, gathered by the
 * {@link org.newsmonitor.alerts.digest.DigestScheduler} in a {@link org.newsmonitor.alerts.digest.DigestBuffer} and
 * written by {@link org.newsmonitor.alerts.digest.AlertMails}, sent over SMTP with Angus Mail
 * ({@link org.newsmonitor.alerts.digest.SmtpMailer}) through the {@link org.newsmonitor.alerts.digest.EmailChannel},
 * retried and dead-lettered like webhooks.
 */
package org.newsmonitor.alerts.digest;
