package org.newsmonitor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the embedded broker keeps its data and listens, for `run` without a configured cluster. */
final class BrokerOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MONITOR_DATA_DIR:-./data}",
            description = "${DEFAULT-VALUE} unless set (env MONITOR_DATA_DIR): the directory of the embedded "
                    + "broker's log and the services' local state.")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "${env:MONITOR_KAFKA_PORT:-9092}",
            description = "Port of the embedded broker (env MONITOR_KAFKA_PORT; default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-host", defaultValue = "${env:MONITOR_KAFKA_HOST:-127.0.0.1}",
            description = "Interface the embedded broker listens on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String kafkaHost;
}
