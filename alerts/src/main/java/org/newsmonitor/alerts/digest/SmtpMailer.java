package org.newsmonitor.alerts.digest;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends e-mail over SMTP with Angus Mail, with bounded timeouts. */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Session session;

    /** @param settings the server; must be enabled */
    public SmtpMailer(SmtpSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("SmtpMailer needs an SMTP host");
        }
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        String timeout = String.valueOf(settings.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", String.valueOf(settings.username() != null));
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = settings.username() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        };
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public void send(MailMessage message) throws MailFailure {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.text(), "UTF-8");
            mime.setSentDate(new Date());
            Transport.send(mime);
        } catch (SendFailedException e) {
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailFailure("SMTP " + settings.host() + ":" + settings.port() + " refused the message: "
                    + e.getMessage(), refused);
        } catch (MessagingException e) {
            throw new MailFailure("SMTP " + settings.host() + ":" + settings.port() + " failed: " + e.getMessage(),
                    false);
        }
    }
}
