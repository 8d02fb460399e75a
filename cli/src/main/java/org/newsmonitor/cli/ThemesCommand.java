package org.newsmonitor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsmonitor.contracts.ClientSettings;
import org.newsmonitor.contracts.TopicCreator;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.stream.PublishReport;
import org.newsmonitor.stream.ThemePublisher;
import org.newsmonitor.themes.ThemeValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor themes validate|publish|eval`. */
@Command(name = "themes", mixinStandardHelpOptions = true, description = "Checks and publishes theme files.",
        subcommands = {ThemesCommand.Validate.class, ThemesCommand.Publish.class, ThemeEvalCommand.class})
final class ThemesCommand {

    /** `monitor themes validate FILE...`: no Kafka needed. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks theme files without starting anything; errors name file, line, column and theme.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Theme YAML files or directories.")
        List<Path> files;

        @Override
        public Integer call() {
            return ThemeValidator.validate(files, System.out, System.err);
        }
    }

    /** `monitor themes publish [DIR]`: publishes changed themes to news-themes; running stream services pick them up. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publishes theme files (default: the bundled catalog), each with the lexicon.yaml next to it, to news-themes; matching changes from the next article on.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(paramLabel = "FILE|DIR", arity = "0..1", description = "Theme file or directory.")
        Path source;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ClientSettings settings = kafka.settings(KafkaOptions.LOCAL_BROKER);
            TopicCreator.ensure(settings, List.of(Topics.THEMES), Services.replication(kafka, settings), 0);
            return publish(settings, source, spec.commandLine().getOut()).allValid() ? 0 : 1;
        }

        PublishReport publish(ClientSettings settings, Path from, PrintWriter out) {
            ThemePublisher publisher = new ThemePublisher(settings);
            PublishReport report = from == null ? publisher.publishBundled() : publisher.publish(from);
            out.println("Themes: published " + report.published() + ", unchanged " + report.unchanged().size());
            report.refused().forEach(line -> out.println("refused: " + line));
            out.flush();
            return report;
        }
    }
}
