package org.newsmonitor.cli;

import picocli.CommandLine.Option;

/** Where the alerts service's HTTP API and dashboard listen. */
final class HttpOptions {
    @Option(names = "--http-port", defaultValue = "${env:MONITOR_HTTP_PORT:-8080}",
            description = "Port of the alerts API and dashboard (env MONITOR_HTTP_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--http-host", defaultValue = "${env:MONITOR_HTTP_HOST:-127.0.0.1}",
            description = "Interface of the alerts API and dashboard (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--api-key", paramLabel = "OWNER=KEY",
            description = "API key allowed to manage subscriptions, as owner=key (repeatable; env MONITOR_API_KEYS "
                    + "as owner=key,owner=key).")
    java.util.Map<String, String> apiKeys = new java.util.LinkedHashMap<>();

    /** Keys from the option and from MONITOR_API_KEYS, option winning. */
    java.util.Map<String, String> keys() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        String env = System.getenv("MONITOR_API_KEYS");
        if (env != null) {
            for (String pair : env.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    all.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        all.putAll(apiKeys);
        return all;
    }
}
