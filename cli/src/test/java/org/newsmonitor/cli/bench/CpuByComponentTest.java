package org.newsmonitor.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuByComponentTest {

    @Test
    void shouldAttributeThreadsToTheirComponentByName() {
        //Given thread names as the services, the broker and the benchmark create them
        //When / Then
        assertThat(CpuByComponent.component("news-monitor-stream-3f2a-StreamThread-1")).isEqualTo(CpuByComponent.STREAM);
        assertThat(CpuByComponent.component("kafka-producer-network-thread | news-monitor-stream-3f2a-StreamThread-1"
                + "-producer")).isEqualTo(CpuByComponent.STREAM);
        assertThat(CpuByComponent.component("news-monitor-alerts-9c-StreamThread-1")).isEqualTo(CpuByComponent.ALERTS);
        assertThat(CpuByComponent.component("alerts-delivery-consumer")).isEqualTo(CpuByComponent.ALERTS);
        assertThat(CpuByComponent.component("kafka-producer-network-thread | bench-load"))
                .isEqualTo(CpuByComponent.DRIVER);
        assertThat(CpuByComponent.component("main")).isEqualTo(CpuByComponent.DRIVER);
        assertThat(CpuByComponent.component("data-plane-kafka-request-handler-0")).isEqualTo(CpuByComponent.BROKER);
    }

    @Test
    void shouldGiveTheJvmTheProcessTimeNoJavaThreadAccountsFor() {
        //Given
        var before = new CpuByComponent.Snapshot(Map.of(CpuByComponent.STREAM, 1_000L, CpuByComponent.BROKER, 500L),
                10_000L);
        var after = new CpuByComponent.Snapshot(Map.of(CpuByComponent.STREAM, 4_000L, CpuByComponent.BROKER, 1_500L,
                CpuByComponent.ALERTS, 700L), 20_000L);
        //When
        Map<String, Long> used = CpuByComponent.between(before, after);
        //Then
        assertThat(used).containsEntry(CpuByComponent.STREAM, 3_000L).containsEntry(CpuByComponent.BROKER, 1_000L)
                .containsEntry(CpuByComponent.ALERTS, 700L).containsEntry(CpuByComponent.DRIVER, 0L)
                .containsEntry(CpuByComponent.JVM, 5_300L);
        assertThat(used.keySet()).containsExactlyElementsOf(CpuByComponent.ORDER);
    }

    @Test
    void shouldMeasureRealCpuTimeOfThisThread() {
        //Given
        CpuByComponent.Snapshot before = CpuByComponent.take();
        //When this thread ("main" under surefire or not: some component) burns CPU
        long x = 0;
        for (int i = 0; i < 50_000_000; i++) {
            x += i ^ (x >>> 3);
        }
        CpuByComponent.Snapshot after = CpuByComponent.take();
        //Then the process and some component advanced
        long total = CpuByComponent.between(before, after).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isPositive();
        assertThat(x).isNotZero();
    }
}
