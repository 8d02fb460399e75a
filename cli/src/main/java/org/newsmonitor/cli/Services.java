package org.newsmonitor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;
import org.newsmonitor.contracts.ClientSettings;

/** What the single-service commands share: choosing replication and running until Ctrl-C. */
final class Services {
    private Services() {
    }

    /** The replication factor asked for, or one chosen from the cluster size. */
    static short replication(KafkaOptions kafka, ClientSettings settings) {
        return kafka.replicationFactor > 0 ? kafka.replicationFactor : Pipeline.replicationFor(settings);
    }

    /**
     * Blocks until Ctrl-C, then closes the service; or, when {@code failure} names a reason first (checked every
     * second), prints it, closes the service and returns {@link RunCommand#EXIT_SERVICE_FAILED}.
     *
     * @return the exit status: 0 after Ctrl-C
     */
    static int runUntilStopped(AutoCloseable service, Supplier<String> failure, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ShutdownLatch latch = new ShutdownLatch(() -> close(service, out));
        out.flush();
        String reason = latch.awaitUnless(failure, Duration.ofSeconds(1));
        if (reason == null) {
            return 0;
        }
        err.println("Stopping: " + reason);
        err.flush();
        close(service, out);
        return RunCommand.EXIT_SERVICE_FAILED;
    }

    private static void close(AutoCloseable service, PrintWriter out) {
        try {
            service.close();
        } catch (Exception e) {
            out.println("Shutdown: " + OneLineErrors.describe(e));
        }
        out.println("Stopped.");
        out.flush();
    }
}
