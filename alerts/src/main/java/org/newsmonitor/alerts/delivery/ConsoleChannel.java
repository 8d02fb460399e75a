package org.newsmonitor.alerts.delivery;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.SubscriptionEvent;

/**
 * Prints the alerts of one subscription (the default one of {@code ./monitor run}) as one readable line each:
 * {@code ALERT power-of-siberia | title | source | link}. It is a channel like the others: the
 * {@link DeliveryPlanner} selects it for that subscription, its attempts run in one endpoint queue (so lines come
 * out in the order the alerts were read) and each printed alert is recorded on the deliveries topic as a delivery on
 * the channel {@value #NAME}. An alert whose console delivery is recorded is not planned again, so a restarted
 * service, which reads again every alert after the oldest delivery still pending, does not print it twice; alerts
 * printed by this process but not yet back from the deliveries topic are remembered here.
 */
public final class ConsoleChannel implements Channel {
    /** Channel name in delivery records. */
    public static final String NAME = "console";
    /** Alerts printed by this process and maybe not yet back from the deliveries topic. */
    private static final int REMEMBERED = 10_000;

    private final PrintStream out;
    private final String subscriptionId;
    private final Set<String> printed = new LinkedHashSet<>();

    /**
     * @param out            where lines go, e.g. System.out
     * @param subscriptionId the subscription whose alerts are printed
     */
    public ConsoleChannel(PrintStream out, String subscriptionId) {
        this.out = out;
        this.subscriptionId = subscriptionId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usedBy(SubscriptionEvent subscription) {
        return subscription.id().equals(subscriptionId);
    }

    @Override
    public String endpoint(SubscriptionEvent subscription) {
        return NAME;
    }

    /** Prints each alert this process has not printed yet; printing cannot fail, so the outcome is delivered. */
    @Override
    public synchronized Outcome attempt(List<AlertEvent> alerts, SubscriptionEvent subscription, int attempt) {
        for (AlertEvent alert : alerts) {
            if (printed.add(alert.alertId())) {
                if (printed.size() > REMEMBERED) {
                    printed.remove(printed.iterator().next());
                }
                out.println(line(alert));
            }
        }
        out.flush();
        // no detail: the printed line is the whole outcome
        return new Outcome.Delivered(null);
    }

    /** The line for an alert; feed text is stripped of control and bidi characters so it cannot drive the terminal. */
    public static String line(AlertEvent alert) {
        return "ALERT " + clean(alert.themeId()) + " | " + clean(alert.title()) + " | "
                + clean(alert.source() == null ? "-" : alert.source()) + " | "
                + clean(alert.url() == null ? "-" : alert.url());
    }

    private static String clean(String s) {
        String c = s.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").replace('|', '/').replaceAll(" {2,}", " ").strip();
        return c.length() > 300 ? c.substring(0, 300) + "..." : c;
    }
}
