package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.stream.StreamConfig;
import org.newsmonitor.stream.StreamService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor stream`: the Kafka Streams application alone; start several for scale-out. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Runs the matching topology (articles x themes -> matches, counts, surges) until Ctrl-C.")
final class StreamCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:MONITOR_STATE_DIR:-./data/streams}",
            description = "${DEFAULT-VALUE} unless set (env MONITOR_STATE_DIR): the directory of the local state "
                    + "stores.")
    Path stateDir;

    @Option(names = "--publish-themes", description = "Publish the bundled theme catalog before starting.")
    boolean publishThemes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
        short replication = Services.replication(kafka, settings);
        TopicCreator.ensure(settings, Topics.ALL, replication, kafka.partitions);
        if (publishThemes) {
            new ThemesCommand.Publish().publish(settings, null, spec.commandLine().getOut());
        }
        StreamService stream = new StreamService(StreamConfig.fromEnv(System.getenv(), settings, stateDir)
                .withReplicationFactor(replication));
        stream.start();
        spec.commandLine().getOut().println("Stream: running against " + settings.bootstrapServers() + ". Ctrl-C stops.");
        return Services.runUntilStopped(stream, () -> stream.health().failure(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
