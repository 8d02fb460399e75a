package org.newsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `monitor ingest --websub-callback`: refused, before anything is started, without the listener hubs call. */
class IngestWebSubOptionsTest {

    @Test
    void shouldRefuseACallbackWithoutTheIngestListener() {
        StringWriter err = new StringWriter();
        CommandLine cli = MonitorMain.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("ingest", "--websub-callback", "https://monitor.example.org",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--websub-callback needs --http-port");
    }

    @Test
    void shouldRefuseACallbackThatIsNotAnAbsoluteHttpUrl() {
        StringWriter err = new StringWriter();
        CommandLine cli = MonitorMain.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("ingest", "--websub-callback", "monitor.example.org/hooks", "--http-port", "0",
                "--bootstrap-servers", "127.0.0.1:1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--websub-callback (or MONITOR_WEBSUB_CALLBACK): ")
                .contains("WebSub callback base must be an absolute http(s) URL, was 'monitor.example.org/hooks'");
    }
}
