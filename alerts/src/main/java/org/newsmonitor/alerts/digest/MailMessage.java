package org.newsmonitor.alerts.digest;

/**
 * One plain-text e-mail.
 *
 * @param to      recipient address
 * @param subject one-line subject (line breaks are removed)
 * @param text    plain-text body
 */
public record MailMessage(String to, String subject, String text) {
    public MailMessage {
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
