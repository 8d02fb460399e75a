package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsmonitor.alerts.AlertsConfig;
import org.newsmonitor.alerts.AlertsService;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor alerts`: subscriptions API, dashboard and deliveries, alone. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Runs the alerts service (HTTP API, dashboard, alert policy, deliveries) until Ctrl-C.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;
    @Mixin
    HttpOptions http;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:MONITOR_STATE_DIR:-./data/alerts}",
            description = "${DEFAULT-VALUE} unless set (env MONITOR_STATE_DIR): the directory of the local state "
                    + "of the alert policy.")
    Path stateDir;

    @Option(names = "--default-subscription", negatable = true, defaultValue = "true",
            description = "Keep a subscription 'default' (all themes) whose alerts are printed and shown on the dashboard.")
    boolean defaultSubscription;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
        TopicCreator.ensure(settings, Topics.ALL, Services.replication(kafka, settings), kafka.partitions);
        AlertsService alerts = new AlertsService(AlertsConfig.fromEnv(System.getenv(), settings, stateDir)
                .withHttp(http.host, http.port).withApiKeys(http.keys())
                .withDefaultSubscription(defaultSubscription, System.out));
        alerts.start();
        spec.commandLine().getOut().println("Alerts: http://" + http.host + ":" + alerts.httpPort() + "/ . Ctrl-C stops.");
        return Services.runUntilStopped(alerts, alerts::failure, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
