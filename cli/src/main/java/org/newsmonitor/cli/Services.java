package org.newsmonitor.cli;

import java.io.PrintWriter;
import org.newsmonitor.contracts.ClientSettings;

/** What the single-service commands share: choosing replication and running until Ctrl-C. */
final class Services {
    private Services() {
    }

    /** The replication factor asked for, or one chosen from the cluster size. */
    static short replication(KafkaOptions kafka, ClientSettings settings) {
        return kafka.replicationFactor > 0 ? kafka.replicationFactor : Pipeline.replicationFor(settings);
    }

    /** Blocks until Ctrl-C, then closes the service. */
    static void runUntilStopped(AutoCloseable service, PrintWriter out) throws InterruptedException {
        ShutdownLatch latch = new ShutdownLatch(() -> {
            try {
                service.close();
            } catch (Exception e) {
                out.println("Shutdown: " + OneLineErrors.describe(e));
            }
            out.println("Stopped.");
            out.flush();
        });
        out.flush();
        latch.await();
    }
}
