package org.newsmonitor.alerts.delivery;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.newsmonitor.alerts.view.DeliveryLog;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each alert once as one readable line: {@code ALERT power-of-siberia | title | source | link}. Once means
 * once for as long as the deliveries topic remembers: every printed alert is recorded there as a delivery on the
 * channel {@value #NAME}, like the outcomes of the other channels, and an alert whose console delivery is in the
 * delivery log is not printed again. This matters because a restarted service reads again every alert after the
 * oldest delivery still pending (a digest, a webhook being retried).
 */
public final class ConsoleAlerts {
    /** Channel name in delivery records. */
    public static final String NAME = "console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAlerts.class);
    /** Alerts printed by this process and maybe not yet back from the deliveries topic. */
    private static final int REMEMBERED = 10_000;

    private final PrintStream out;
    private final DeliveryLog log;
    private final DeliveryRecorder recorder;
    private final Clock clock;
    private final Set<String> printed = new LinkedHashSet<>();

    /**
     * @param out      where lines go, e.g. System.out
     * @param log      delivery outcomes so far, read from the deliveries topic
     * @param recorder where the fact that an alert was printed is recorded
     * @param clock    dates the records
     */
    public ConsoleAlerts(PrintStream out, DeliveryLog log, DeliveryRecorder recorder, Clock clock) {
        this.out = out;
        this.log = log;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Prints the alert unless it was printed already, by this process or an earlier one, and records it. */
    public synchronized void print(AlertEvent alert) {
        if (printed.contains(alert.alertId()) || log.latest(alert.alertId(), NAME).isPresent()) {
            return;
        }
        printed.add(alert.alertId());
        if (printed.size() > REMEMBERED) {
            printed.remove(printed.iterator().next());
        }
        out.println(line(alert));
        out.flush();
        try {
            recorder.outcome(new DeliveryEvent(DeliveryEvent.CURRENT_VERSION, alert.alertId(), alert.subscriptionId(),
                    NAME, DeliveryStatus.DELIVERED, 1, null, null, clock.instant()));
        } catch (RuntimeException e) {
            // the line is on the console: at worst a restart prints it once more
            LOG.warn("Alert {} was printed but could not be recorded on the deliveries topic: {}", alert.alertId(),
                    e.getMessage());
        }
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
