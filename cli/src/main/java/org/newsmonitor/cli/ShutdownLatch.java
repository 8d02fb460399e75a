package org.newsmonitor.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until Ctrl-C (or SIGTERM), then closes what it was given, in order. */
final class ShutdownLatch {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Registers {@code onShutdown} to run once when the JVM is asked to stop. */
    ShutdownLatch(Runnable onShutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
}
