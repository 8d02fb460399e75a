package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** `run` stops with the reason when a service fails for good, instead of waiting for Ctrl-C forever. */
class ShutdownLatchTest {
    @Test
    void shouldReturnTheReasonOnceAServiceHasFailed() throws Exception {
        ShutdownLatch latch = new ShutdownLatch(() -> { });
        AtomicInteger asked = new AtomicInteger();
        String reason = latch.awaitUnless(() -> asked.incrementAndGet() < 3 ? null
                : "stream: Kafka Streams application news-monitor-stream is ERROR", Duration.ofMillis(10));
        assertThat(reason).isEqualTo("stream: Kafka Streams application news-monitor-stream is ERROR");
        assertThat(asked.get()).isEqualTo(3);
    }
}
