package org.newsmonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsmonitor.contracts.json.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `monitor subscriptions ...`: the subscriptions API of a running alerts service, from the shell. */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Creates, lists, shows, replaces and deletes subscriptions through the alerts service's HTTP API.",
        subcommands = {SubscriptionsCommand.ListAll.class, SubscriptionsCommand.Show.class,
            SubscriptionsCommand.Create.class, SubscriptionsCommand.Update.class, SubscriptionsCommand.Delete.class,
            SubscriptionsCommand.Deliveries.class})
final class SubscriptionsCommand {

    /** Where the API is and which key to use. */
    static final class Api {
        @Option(names = "--url", defaultValue = "${env:MONITOR_URL:-http://localhost:8080}",
                description = "Alerts service base URL (env MONITOR_URL; default ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--api-key", defaultValue = "${env:MONITOR_API_KEY}", required = true,
                description = "API key (env MONITOR_API_KEY); `run` prints the key of owner 'local'.")
        String key;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** Sends a request and prints the JSON answer; returns the exit status (0 for 2xx). */
        int call(String method, String path, JsonNode body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            }
            HttpResponse<String> response;
            try {
                response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new IllegalStateException("No alerts service answers at " + url
                        + " (start one with `./monitor run` or `./monitor alerts`, or pass --url)", e);
            }
            boolean ok = response.statusCode() / 100 == 2;
            var stream = ok ? spec.commandLine().getOut() : spec.commandLine().getErr();
            String text = response.body();
            if (!text.isBlank()) {
                try {
                    text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(text));
                } catch (IOException notJson) {
                    // print as received
                }
            }
            stream.println(ok ? text : "HTTP " + response.statusCode() + ": " + text);
            stream.flush();
            return ok ? 0 : 1;
        }
    }

    /** The fields of a subscription as options. */
    static final class Fields {
        @Option(names = "--name", description = "Human label.")
        String name;
        @Option(names = "--theme", paramLabel = "ID", description = "Theme id to follow (repeatable; none = all themes).")
        List<String> themes = new ArrayList<>();
        @Option(names = "--min-score", description = "Only matches scoring at least this.")
        Double minScore;
        @Option(names = "--language", paramLabel = "CODE", description = "Only articles in this language (repeatable).")
        List<String> languages = new ArrayList<>();
        @Option(names = "--source", description = "Only articles from this source (repeatable).")
        List<String> sources = new ArrayList<>();
        @Option(names = "--mode", description = "IMMEDIATE, HOURLY_DIGEST or DAILY_DIGEST.")
        String mode;
        @Option(names = "--webhook", paramLabel = "URL", description = "POST alerts to this http(s) URL.")
        String webhookUrl;
        @Option(names = "--webhook-secret", description = "HMAC secret for webhook signatures (generated when absent).")
        String webhookSecret;
        @Option(names = "--email", description = "E-mail address for alerts or digests.")
        String email;
        @Option(names = "--surges", description = "Also alert on theme surges.")
        Boolean includeSurges;

        ObjectNode json() {
            ObjectNode body = Json.mapper().createObjectNode();
            if (name != null) {
                body.put("name", name);
            }
            body.set("themes", Json.mapper().valueToTree(themes));
            if (minScore != null) {
                body.put("minScore", minScore);
            }
            body.set("languages", Json.mapper().valueToTree(languages));
            body.set("sources", Json.mapper().valueToTree(sources));
            if (mode != null) {
                body.put("mode", mode.toUpperCase(java.util.Locale.ROOT));
            }
            if (webhookUrl != null) {
                body.put("webhookUrl", webhookUrl);
            }
            if (webhookSecret != null) {
                body.put("webhookSecret", webhookSecret);
            }
            if (email != null) {
                body.put("email", email);
            }
            if (includeSurges != null) {
                body.put("includeSurges", includeSurges);
            }
            return body;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your subscriptions.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        Api api;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/subscriptions", null);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one subscription.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/subscriptions/" + id, null);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a subscription.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Api api;
        @ArgGroup(exclusive = false)
        Fields fields = new Fields();

        @Override
        public Integer call() throws Exception {
            return api.call("POST", "/subscriptions", fields.json());
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Replaces a subscription's settings with the options given (unset options take defaults).")
    static final class Update implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;
        @ArgGroup(exclusive = false)
        Fields fields = new Fields();

        @Override
        public Integer call() throws Exception {
            return api.call("PUT", "/subscriptions/" + id, fields.json());
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a subscription.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return api.call("DELETE", "/subscriptions/" + id, null);
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true,
            description = "Shows what happened to a subscription's alerts on each channel.")
    static final class Deliveries implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            return api.call("GET", "/subscriptions/" + id + "/deliveries", null);
        }
    }

    @Spec
    CommandSpec spec;
}
