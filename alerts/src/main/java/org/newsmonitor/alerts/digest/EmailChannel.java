package org.newsmonitor.alerts.digest;

import java.util.List;
import org.newsmonitor.alerts.delivery.Channel;
import org.newsmonitor.alerts.delivery.Outcome;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** Delivers alerts by e-mail: one mail per alert, or one digest mail for many. */
public final class EmailChannel implements Channel {
    /** Channel name in delivery records. */
    public static final String NAME = "email";
    private final Mailer mailer;

    /** @param mailer sends the mail; null when no SMTP server is configured */
    public EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usedBy(SubscriptionEvent subscription) {
        return subscription.email() != null;
    }

    /** A subscription in an hourly or daily digest mode gets one mail per period ({@link DigestScheduler}). */
    @Override
    public boolean gathersDigests() {
        return true;
    }

    @Override
    public String endpoint(SubscriptionEvent subscription) {
        return NAME + " " + subscription.email();
    }

    @Override
    public Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt) {
        if (mailer == null) {
            return new Outcome.GiveUp("no SMTP server is configured");
        }
        if (subscription.email() == null) {
            return new Outcome.GiveUp("the subscription no longer has an e-mail address");
        }
        try {
            mailer.send(AlertMails.mail(subscription, alerts));
            return new Outcome.Delivered("sent " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts"));
        } catch (Mailer.MailFailure e) {
            return e.permanent() ? new Outcome.GiveUp(e.getMessage())
                    : new Outcome.RetryLater(e.getMessage(), java.time.Duration.ZERO);
        } catch (RuntimeException e) {
            return new Outcome.RetryLater("mail failed: " + e, java.time.Duration.ZERO);
        }
    }
}
