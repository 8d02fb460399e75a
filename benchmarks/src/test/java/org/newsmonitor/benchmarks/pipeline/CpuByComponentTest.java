package org.newsmonitor.benchmarks.pipeline;

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
                Map.of(JvmThreadCpu.JIT, 100L, JvmThreadCpu.GC, 200L), 10_000L);
        var after = new CpuByComponent.Snapshot(Map.of(CpuByComponent.STREAM, 4_000L, CpuByComponent.BROKER, 1_500L,
                CpuByComponent.ALERTS, 700L), Map.of(JvmThreadCpu.JIT, 2_100L, JvmThreadCpu.GC, 1_200L), 20_000L);
        //When
        Map<String, Long> used = CpuByComponent.between(before, after);
        //Then
        assertThat(used).containsEntry(CpuByComponent.STREAM, 3_000L).containsEntry(CpuByComponent.BROKER, 1_000L)
                .containsEntry(CpuByComponent.ALERTS, 700L).containsEntry(CpuByComponent.DRIVER, 0L)
                .containsEntry(CpuByComponent.JIT, 2_000L).containsEntry(CpuByComponent.GC, 1_000L)
                .containsEntry(CpuByComponent.JVM, 2_300L);
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

    @Test
    void shouldReadJitAndGcThreadTimesFromProcWhenOnLinux() {
        //Given a stat line whose thread name holds spaces and a parenthesis
        String stat = "4242 (C2 Compiler) x) S 1 1 1 0 -1 4194368 10 0 0 0 250 30 0 0 20 0 40 0 100 0 0";
        //When / Then
        assertThat(JvmThreadCpu.ticks(stat)).isEqualTo(280);
        assertThat(JvmThreadCpu.kind("C2 CompilerThre")).isEqualTo(JvmThreadCpu.JIT);
        assertThat(JvmThreadCpu.kind("C1 CompilerThre")).isEqualTo(JvmThreadCpu.JIT);
        assertThat(JvmThreadCpu.kind("GC Thread#1")).isEqualTo(JvmThreadCpu.GC);
        assertThat(JvmThreadCpu.kind("G1 Conc#0")).isEqualTo(JvmThreadCpu.GC);
        assertThat(JvmThreadCpu.kind("VM Thread")).isNull();
        assertThat(JvmThreadCpu.kind("kafka-producer-")).isNull();
    }

    @Test
    void shouldFindCompilerThreadsOfThisJvmWhenProcIsThere() {
        //Given a Linux machine (the only place /proc/self/task exists)
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(
                java.nio.file.Path.of("/proc/self/task")));
        //When
        Map<String, Long> jvm = JvmThreadCpu.read();
        //Then this JVM compiled something already, so its compiler threads exist and have used CPU
        assertThat(jvm).containsKey(JvmThreadCpu.JIT);
        assertThat(jvm.get(JvmThreadCpu.JIT)).isPositive();
    }
}
