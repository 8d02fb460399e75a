package org.newsmonitor.alerts.digest;

import java.util.List;
import java.util.Locale;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/** Writes the plain-text e-mails for single alerts and digests. Pure. */
public final class AlertMails {
    private AlertMails() {
    }

    /** The mail for these alerts: one alert in immediate mode, a digest otherwise. */
    public static MailMessage mail(SubscriptionEvent subscription, List<AlertEvent> alerts) {
        if (alerts.size() == 1 && subscription.mode() == DeliveryMode.IMMEDIATE) {
            AlertEvent a = alerts.get(0);
            return new MailMessage(subscription.email(), "[news monitor] " + a.themeTitle() + ": " + oneLine(a.title()),
                    entry(a) + "\n-- \nSubscription " + subscription.name() + " (" + subscription.id() + ")\n");
        }
        String period = subscription.mode() == DeliveryMode.DAILY_DIGEST ? "daily" : "hourly";
        StringBuilder text = new StringBuilder();
        text.append(alerts.size()).append(alerts.size() == 1 ? " alert" : " alerts").append(" for ")
                .append(subscription.name()).append(" (").append(period).append(" digest)\n\n");
        for (AlertEvent a : alerts) {
            text.append(entry(a)).append('\n');
        }
        text.append("-- \nSubscription ").append(subscription.id()).append('\n');
        return new MailMessage(subscription.email(), String.format(Locale.ROOT, "[news monitor] %s digest: %d %s",
                period, alerts.size(), alerts.size() == 1 ? "alert" : "alerts"), text.toString());
    }

    private static String entry(AlertEvent a) {
        StringBuilder b = new StringBuilder();
        b.append("* ").append(a.themeTitle()).append(" | ").append(oneLine(a.title())).append('\n');
        if (a.source() != null) {
            b.append("  ").append(oneLine(a.source())).append(", ").append(a.publishedAt()).append('\n');
        }
        if (a.url() != null) {
            b.append("  ").append(a.url()).append('\n');
        }
        if (!a.snippet().isBlank()) {
            b.append("  ").append(oneLine(a.snippet())).append('\n');
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }
}
