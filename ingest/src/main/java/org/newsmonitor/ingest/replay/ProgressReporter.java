package org.newsmonitor.ingest.replay;

import java.io.PrintStream;

/**
 * Shows replay progress: a redrawn bar when attached to a terminal, otherwise a line at every 10 %. Does nothing
 * without an output stream.
 */
final class ProgressReporter {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private long lastDrawNanos;
    private int lastDecile = -1;

    ProgressReporter(PrintStream out, long total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    /** Reports that {@code done} of the total are published. */
    void update(long done) {
        if (out == null || total == 0) {
            return;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDrawNanos < 100_000_000L) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) (WIDTH * done / total);
            out.print("\rreplay [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " published");
            out.flush();
        } else {
            int decile = (int) (10 * done / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println("replay: " + done + "/" + total + " published (" + decile * 10 + " %)");
            }
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (out != null && terminal && total > 0) {
            out.println();
        }
    }
}
