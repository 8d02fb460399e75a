package org.newsmonitor.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Blocks the main thread until Ctrl-C (or SIGTERM), then closes what it was given, in order. */
final class ShutdownLatch {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    /** Registers {@code onShutdown} to run once when the JVM is asked to stop. */
    ShutdownLatch(Runnable onShutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            try {
                onShutdown.run();
            } finally {
                stopped.countDown();
            }
        }, "monitor-shutdown"));
    }

    /** Waits until shutdown has finished. */
    void await() throws InterruptedException {
        stopped.await();
    }

    /**
     * Waits until shutdown has finished, or until {@code failure} names a reason, asked every {@code period}
     * (and never once shutdown has begun).
     *
     * @return the reason, or null after a shutdown
     */
    String awaitUnless(Supplier<String> failure, Duration period) throws InterruptedException {
        while (!stopped.await(period.toMillis(), TimeUnit.MILLISECONDS)) {
            String reason = stopping ? null : failure.get();
            if (reason != null && !stopping) {
                return reason;
            }
        }
        return null;
    }
}
