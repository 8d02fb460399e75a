package org.newsmonitor.alerts.delivery;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.newsmonitor.contracts.event.AlertEvent;

/** Prints each alert once as one readable line: {@code ALERT power-of-siberia | title | source | link}. */
public final class ConsoleAlerts {
    private static final int REMEMBERED = 10_000;
    private final PrintStream out;
    private final Set<String> printed = new LinkedHashSet<>();

    /** @param out where lines go, e.g. System.out */
    public ConsoleAlerts(PrintStream out) {
        this.out = out;
    }

    /** Prints the alert unless it was printed already. */
    public synchronized void print(AlertEvent alert) {
        if (!printed.add(alert.alertId())) {
            return;
        }
        if (printed.size() > REMEMBERED) {
            printed.remove(printed.iterator().next());
        }
        out.println(line(alert));
        out.flush();
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
