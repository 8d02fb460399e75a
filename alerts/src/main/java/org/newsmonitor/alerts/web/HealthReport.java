package org.newsmonitor.alerts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code GET /health} answers: named checks, each "ok" or what is wrong, and the Kafka Streams state of each
 * Streams application in the process.
 *
 * @param checks  check name to "ok" or a one-line problem; never null
 * @param streams Streams application id to its state (RUNNING, REBALANCING, ERROR, ...); never null
 */
public record HealthReport(Map<String, String> checks, Map<String, String> streams) {
    public HealthReport {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        streams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    /** A report of checks only. */
    public static HealthReport of(Map<String, String> checks) {
        return new HealthReport(checks, Map.of());
    }

    /** True when every check is "ok". */
    public boolean ok() {
        return checks.values().stream().allMatch("ok"::equals);
    }

    /** The failing checks as "name: problem", joined by "; "; empty when all are ok. */
    public String reason() {
        return checks.entrySet().stream().filter(e -> !"ok".equals(e.getValue()))
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
