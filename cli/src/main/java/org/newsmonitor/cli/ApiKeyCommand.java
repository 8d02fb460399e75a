package org.newsmonitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor api-key show|rotate`: the API key `run` keeps in its data directory for owner 'local'. */
@Command(name = "api-key", mixinStandardHelpOptions = true,
        description = "Shows or rotates the API key that `run` keeps in its data directory for owner 'local'.",
        subcommands = {ApiKeyCommand.Show.class, ApiKeyCommand.Rotate.class})
final class ApiKeyCommand {

    /** The data directory holding the key. */
    static final class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MONITOR_DATA_DIR:-./data}",
                description = "${DEFAULT-VALUE} unless set (env MONITOR_DATA_DIR): the data directory of `run`.")
        Path dir;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the kept key (creating one if there is none yet).")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        DataDir data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(new LocalApiKey(data.dir).loadOrCreate());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Replaces the kept key with a new one and prints it.",
                "The old key stops working when `run` is next started on this data directory; restart a running one "
                    + "to switch now."})
    static final class Rotate implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        DataDir data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalApiKey local = new LocalApiKey(data.dir);
            String key = local.rotate();
            var out = spec.commandLine().getOut();
            out.println(key);
            out.flush();
            spec.commandLine().getErr().println("New API key for owner '" + LocalApiKey.OWNER + "' written to "
                    + local.file() + "; restart `monitor run` for it to take effect (the old key works until then).");
            spec.commandLine().getErr().flush();
            return 0;
        }
    }
}
