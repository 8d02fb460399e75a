package org.newsmonitor.alerts.digest;

import java.time.Duration;

/**
 * How to reach the SMTP server.
 *
 * @param host     server host; null disables e-mail
 * @param port     server port
 * @param username login; may be null for no authentication
 * @param password password; may be null
 * @param startTls whether to require STARTTLS
 * @param from     sender address
 * @param timeout  connect, read and write timeout
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
        Duration timeout) {

    public SmtpSettings {
        from = from == null || from.isBlank() ? "news-monitor@localhost" : from;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    /** No SMTP server: e-mail deliveries are dead-lettered with that reason. */
    public static SmtpSettings disabled() {
        return new SmtpSettings(null, 25, null, null, false, null, null);
    }

    /** Whether a server is configured. */
    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + username + ", password=" + (password == null ? "none"
                : "***") + ", startTls=" + startTls + ", from=" + from + "]";
    }
}
