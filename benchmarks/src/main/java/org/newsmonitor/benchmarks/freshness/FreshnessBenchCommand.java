package org.newsmonitor.benchmarks.freshness;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code monitor bench freshness}: the time from an item appearing on a local feed server to its alert at a local
 * webhook, through the whole monitor on a fresh embedded broker, with WebSub and with adaptive polling; see
 * {@link FreshnessBenchmark}.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "Measure publication-to-alert time through the whole monitor: WebSub push and adaptive polling.")
public final class FreshnessBenchCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        FreshnessBenchmark.measure(System.out);
        return 0;
    }
}
