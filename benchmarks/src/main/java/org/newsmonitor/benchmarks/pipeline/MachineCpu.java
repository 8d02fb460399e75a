package org.newsmonitor.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat} (Linux): busy, idle, and stolen, the time a virtual
 * machine's CPUs waited while the hypervisor ran someone else. Stolen time makes the same work take longer, so the
 * benchmark prints it next to its figures.
 *
 * @param busyTicks   user, nice, system, interrupt and softirq time of all CPUs, in clock ticks
 * @param idleTicks   idle and I/O-wait time
 * @param stolenTicks time stolen by the hypervisor
 */
record MachineCpu(long busyTicks, long idleTicks, long stolenTicks) {
    private static final Path STAT = Path.of("/proc/stat");
    private static final MachineCpu UNKNOWN = new MachineCpu(0, 0, 0);

    /** The counters now; all zero when {@code /proc/stat} cannot be read. */
    static MachineCpu read() {
        try {
            return Files.isReadable(STAT) ? parse(Files.readAllLines(STAT).get(0)) : UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The counters of the aggregate {@code cpu} line of {@code /proc/stat}. */
    static MachineCpu parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
        return new MachineCpu(busy, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8]));
    }

    /** The shares of the time between {@code before} and this reading: busy, idle, stolen (summing to 1). */
    double[] sharesSince(MachineCpu before) {
        long busy = busyTicks - before.busyTicks;
        long idle = idleTicks - before.idleTicks;
        long stolen = stolenTicks - before.stolenTicks;
        double total = busy + idle + stolen;
        return total <= 0 ? new double[] {0, 0, 0} : new double[] {busy / total, idle / total, stolen / total};
    }
}
