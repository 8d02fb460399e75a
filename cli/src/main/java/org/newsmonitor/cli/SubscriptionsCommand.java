package org.newsmonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        description = "Creates, lists, shows, updates and deletes subscriptions through the alerts service's HTTP API.",
        subcommands = {SubscriptionsCommand.ListAll.class, SubscriptionsCommand.Show.class,
            SubscriptionsCommand.Create.class, SubscriptionsCommand.Update.class, SubscriptionsCommand.Delete.class,
            SubscriptionsCommand.Deliveries.class, SubscriptionsCommand.FeedToken.class,
            SubscriptionsCommand.Preview.class})
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
            return call(method, path, body, "application/json");
        }

        /** Sends a request with this body type and prints the JSON answer; returns the exit status (0 for 2xx). */
        int call(String method, String path, JsonNode body, String contentType) throws IOException,
                InterruptedException {
            HttpResponse<String> response = send(method, path, body, contentType);
            return print(response.statusCode(), response.body());
        }

        /** Sends a request and returns the answer as received. */
        HttpResponse<String> send(String method, String path, JsonNode body, String contentType)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            }
            try {
                return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new IllegalStateException("No alerts service answers at " + url
                        + " (start one with `./monitor run` or `./monitor alerts`, or pass --url)", e);
            }
        }

        /** Prints an answer (pretty JSON on stdout for 2xx, "HTTP status: ..." on stderr otherwise). */
        int print(int status, String text) {
            boolean ok = status / 100 == 2;
            var stream = ok ? spec.commandLine().getOut() : spec.commandLine().getErr();
            if (!text.isBlank()) {
                try {
                    text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(text));
                } catch (IOException notJson) {
                    // print as received
                }
            }
            stream.println(ok ? text : "HTTP " + status + ": " + text);
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
        @Option(names = "--ntfy", paramLabel = "TOPIC_URL", description = "Publish alerts to this ntfy topic, e.g. "
                + "https://ntfy.sh/mytopic.")
        String ntfy;
        @Option(names = "--slack", paramLabel = "URL", description = "Post alerts to this Slack-compatible incoming "
                + "webhook.")
        String slack;
        @Option(names = "--telegram-bot-token", paramLabel = "TOKEN", description = "Send alerts with this Telegram bot "
                + "(token from BotFather); with --telegram-chat-id.")
        String telegramBotToken;
        @Option(names = "--telegram-chat-id", paramLabel = "ID", description = "Telegram chat to send alerts to: a "
                + "numeric id or @channelname.")
        String telegramChatId;
        @Option(names = "--query", paramLabel = "EXPRESSION", description = "Private query in the theme rule language, "
                + "e.g. '(su-35 OR su-57) NEAR/5 deliver*'; with --theme, an article must match both.")
        String query;

        /** A merge patch of the options given: only they change, each --remove field is set to null. */
        ObjectNode patch(List<String> removed) {
            ObjectNode body = Json.mapper().createObjectNode();
            putGiven(body, "themes", themes.isEmpty() ? null : themes);
            putGiven(body, "languages", languages.isEmpty() ? null : languages);
            putGiven(body, "sources", sources.isEmpty() ? null : sources);
            ObjectNode scalars = json();
            scalars.remove(List.of("themes", "languages", "sources"));
            body.setAll(scalars);
            for (String field : removed) {
                body.putNull(field);
            }
            return body;
        }

        /** The whole subscription as given: every list (empty when not given) and the scalars given. */
        ObjectNode json() {
            ObjectNode body = Json.mapper().createObjectNode();
            putGiven(body, "name", name);
            body.set("themes", Json.mapper().valueToTree(themes));
            putGiven(body, "minScore", minScore);
            body.set("languages", Json.mapper().valueToTree(languages));
            body.set("sources", Json.mapper().valueToTree(sources));
            putGiven(body, "mode", mode == null ? null : mode.toUpperCase(java.util.Locale.ROOT));
            putGiven(body, "webhookUrl", webhookUrl);
            putGiven(body, "webhookSecret", webhookSecret);
            putGiven(body, "email", email);
            putGiven(body, "includeSurges", includeSurges);
            putGiven(body, "ntfy", ntfy);
            putGiven(body, "slack", slack);
            if (telegramBotToken != null || telegramChatId != null) {
                // in an update, a merge patch of one of the two keeps the other
                ObjectNode telegram = body.putObject("telegram");
                putGiven(telegram, "botToken", telegramBotToken);
                putGiven(telegram, "chatId", telegramChatId);
            }
            putGiven(body, "query", query);
            return body;
        }

        private static void putGiven(ObjectNode body, String field, Object value) {
            if (value != null) {
                body.set(field, Json.mapper().valueToTree(value));
            }
        }
    }

    /** A subcommand about one subscription: the API and the subscription's id. */
    abstract static class OneSubscription implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;

        /** The API path of this subscription, followed by {@code rest}. */
        String path(String rest) {
            return "/subscriptions/" + id + rest;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists your subscriptions, oldest first (follows every page of the API).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        Api api;
        @Option(names = "--page-size", defaultValue = "100", description = "Subscriptions per request (1-500; "
                + "default ${DEFAULT-VALUE}).")
        int pageSize;

        @Override
        public Integer call() throws Exception {
            ArrayNode all = Json.mapper().createArrayNode();
            String cursor = null;
            do {
                String path = "/subscriptions?limit=" + pageSize
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> page = api.send("GET", path, null, null);
                if (page.statusCode() != 200) {
                    return api.print(page.statusCode(), page.body());
                }
                JsonNode body = Json.mapper().readTree(page.body());
                body.path("subscriptions").forEach(all::add);
                String next = body.path("nextCursor").asText(null);
                cursor = next == null || next.equals(cursor) ? null : next;
            } while (cursor != null);
            ObjectNode result = Json.mapper().createObjectNode();
            result.set("subscriptions", all);
            return api.print(200, Json.mapper().writeValueAsString(result));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one subscription.")
    static final class Show extends OneSubscription {
        @Override
        public Integer call() throws Exception {
            return api.call("GET", path(""), null);
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

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"Shows what a subscription would have alerted on over the articles the monitor holds.",
                "Nothing is saved: it prints the first 50 alerts, the count per day and how many articles were "
                    + "scanned. Takes the options of `create`."})
    static final class Preview implements Callable<Integer> {
        @Mixin
        Api api;
        @ArgGroup(exclusive = false)
        Fields fields = new Fields();
        @Option(names = "--from", paramLabel = "TIME", description = "Window start: a date (2026-05-01) or an ISO"
                + " time; default 30 days before --to.")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "Window end (a date counts whole); default now.")
        String to;

        @Override
        public Integer call() throws Exception {
            List<String> params = new ArrayList<>();
            addGiven(params, "from", from);
            addGiven(params, "to", to);
            return api.call("POST", "/subscriptions/preview" + (params.isEmpty() ? "" : "?" + String.join("&", params)),
                    fields.json());
        }

        private static void addGiven(List<String> params, String name, String value) {
            if (value != null) {
                params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Changes only the settings given as options (a JSON merge patch); everything else stays.",
                "Remove a setting with --remove, e.g. --remove sources. An update that would remove the last "
                    + "delivery channel (webhook, e-mail, ntfy, Slack, Telegram) is refused."})
    static final class Update implements Callable<Integer> {
        @Mixin
        Api api;
        @Parameters(paramLabel = "ID")
        String id;
        @ArgGroup(exclusive = false)
        Fields fields = new Fields();
        @Option(names = "--remove", paramLabel = "FIELD", description = "Setting to remove (repeatable): name, themes, "
                + "min-score, languages, sources, mode, webhook, email, surges, ntfy, slack, telegram, query.")
        List<String> remove = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<String> removed = new ArrayList<>();
            for (String option : remove) {
                String field = FIELD_OF_OPTION.get(option.strip().toLowerCase(java.util.Locale.ROOT));
                if (field == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--remove " + option
                            + ": unknown setting; one of " + String.join(", ", FIELD_OF_OPTION.keySet()));
                }
                removed.add(field);
            }
            ObjectNode patch = fields.patch(removed);
            if (patch.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "nothing to change: give at least one setting option or --remove");
            }
            return api.call("PATCH", "/subscriptions/" + id, patch, "application/merge-patch+json");
        }

        @Spec
        CommandSpec spec;
    }

    /** The JSON field each --remove name stands for. */
    private static final java.util.Map<String, String> FIELD_OF_OPTION = new java.util.TreeMap<>(java.util.Map.ofEntries(
            java.util.Map.entry("name", "name"), java.util.Map.entry("themes", "themes"),
            java.util.Map.entry("min-score", "minScore"), java.util.Map.entry("languages", "languages"),
            java.util.Map.entry("sources", "sources"), java.util.Map.entry("mode", "mode"),
            java.util.Map.entry("webhook", "webhookUrl"), java.util.Map.entry("email", "email"),
            java.util.Map.entry("surges", "includeSurges"), java.util.Map.entry("ntfy", "ntfy"),
            java.util.Map.entry("slack", "slack"), java.util.Map.entry("telegram", "telegram"),
            java.util.Map.entry("query", "query")));

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a subscription.")
    static final class Delete extends OneSubscription {
        @Override
        public Integer call() throws Exception {
            return api.call("DELETE", path(""), null);
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true,
            description = "Shows what happened to a subscription's alerts on each channel.")
    static final class Deliveries extends OneSubscription {
        @Override
        public Integer call() throws Exception {
            return api.call("GET", path("/deliveries"), null);
        }
    }

    @Command(name = "feed-token", mixinStandardHelpOptions = true,
            description = {"Issues a new token for the subscription's Atom feed and prints it with the feed URL.",
                "The previous token stops working; the token is shown only once."})
    static final class FeedToken extends OneSubscription {
        @Override
        public Integer call() throws Exception {
            HttpResponse<String> r = api.send("POST", path("/feed-token"), null, null);
            if (r.statusCode() != 201) {
                return api.print(r.statusCode(), r.body());
            }
            ObjectNode body = (ObjectNode) Json.mapper().readTree(r.body());
            // a feed reader needs the whole URL
            body.put("feedUrl", api.url.replaceAll("/+$", "") + body.get("feedUrl").asText());
            return api.print(201, Json.mapper().writeValueAsString(body));
        }
    }

    @Spec
    CommandSpec spec;
}
