package org.newsmonitor.alerts.web;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsmonitor.alerts.search.SearchParams;
import org.newsmonitor.alerts.search.SearchRoutes;
import org.newsmonitor.alerts.subscription.InvalidSubscriptionException;
import org.newsmonitor.alerts.subscription.QuotaExceededException;
import org.newsmonitor.alerts.subscription.StrictJsonReader;
import org.newsmonitor.alerts.subscription.SubscriptionCursor;
import org.newsmonitor.alerts.subscription.SubscriptionService;
import org.newsmonitor.alerts.subscription.SubscriptionRequest;
import org.newsmonitor.alerts.subscription.SubscriptionRequestParser;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.DeliveryEvent;
import org.newsmonitor.contracts.event.Granularity;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.json.Json;
import org.newsmonitor.themes.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and dashboard of the alerts service, as an unstarted Javalin app.
 *
 * <p>Public (read-only, for the dashboard): {@code GET /health}, {@code /themes}, {@code /alerts},
 * {@code /alerts/events}, {@code /stats}, {@code /search}, {@code /stories/{id}}, {@code /openapi.json}, Swagger UI at {@code /api-docs}, and the static
 * dashboard under {@code /}. With an API key
 * ({@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}): {@code POST/GET /subscriptions},
 * {@code GET/PUT/PATCH/DELETE /subscriptions/{id}}, {@code GET /subscriptions/{id}/deliveries},
 * {@code GET /subscriptions/{id}/events} and {@code POST /subscriptions/{id}/feed-token}. {@code GET
 * /subscriptions/{id}/feed.atom} takes the API key or the subscription's feed token ({@code ?token=}). Bodies are read
 * by {@link RequestBodyReader} and {@link org.newsmonitor.alerts.subscription.StrictJsonReader}; every error is an
 * {@link ApiError}. The routes are described by {@code GET /openapi.json} ({@link OpenApiDocument}) and docs/api.md.
 */
public final class AlertsApp {
    /** The Content-Security-Policy of every response: no inline script, nothing from elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(AlertsApp.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_LIMIT = 500;
    private static final int DEFAULT_PAGE = 100;
    private static final int DEFAULT_FEED_ENTRIES = 50;
    private static final List<String> JSON_ONLY = List.of(JsonContentType.JSON);
    private static final List<String> MERGE_PATCH_OR_JSON = List.of(JsonContentType.MERGE_PATCH, JsonContentType.JSON);
    /**
     * Room for the request line and headers: a search query of the longest length allowed, every character
     * percent-encoded (up to 9 bytes for 3 UTF-8 bytes), with its filters and headers, so that the query's own rules
     * refuse an over-long query with their reason rather than the server with a bare 414.
     */
    static final int REQUEST_HEADER_BYTES = Query.MAX_CHARS * 9 + 32 * 1024;

    private final AlertsDeps deps;
    private final SseStreams streams;
    private final RequestBodyReader bodies;

    private AlertsApp(AlertsDeps deps) {
        this.deps = deps;
        this.streams = new SseStreams(deps.feed(), deps.sse());
        this.bodies = new RequestBodyReader(deps.maxBodyBytes());
    }

    /**
     * Builds the app; the caller starts it ({@code app.start(host, port)}) and stops it.
     *
     * @param deps what the routes need
     * @return an unstarted Javalin app; never null
     */
    public static Javalin create(AlertsDeps deps) {
        return create(deps, route -> { });
    }

    /**
     * Builds the app and tells {@code onRoute} of each HTTP route as it is added (to check the OpenAPI document).
     *
     * @param deps    what the routes need
     * @param onRoute called with each route's method and path
     * @return an unstarted Javalin app; never null
     */
    public static Javalin create(AlertsDeps deps, Consumer<HandlerMetaInfo> onRoute) {
        AlertsApp routes = new AlertsApp(deps);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.events.handlerAdded(onRoute);
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.maxRequestSize = deps.maxBodyBytes();
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = securityHeaders();
            });
        });
        app.before(ctx -> securityHeaders().forEach(ctx::header));
        app.events(events -> events.serverStopping(routes.streams::stopAll));
        app.exception(ApiError.class, (e, ctx) -> {
            if (e.status() == 429 || e.status() == 503) {
                ctx.header("Retry-After", "10");
            }
            ctx.status(e.status()).json(e.body());
        });
        app.exception(InvalidSubscriptionException.class, (e, ctx) -> {
            ApiError error = new ApiError(e.malformed() ? 400 : 422, e.errors());
            ctx.status(error.status()).json(error.body());
        });
        app.exception(QuotaExceededException.class, (e, ctx) -> {
            ApiError error = new ApiError(409, e.field(), e.getMessage());
            ctx.status(409).json(error.body());
        });
        app.exception(IllegalStateException.class, (e, ctx) -> {
            LOG.warn("Request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            ApiError error = new ApiError(503, "service", e.getMessage());
            ctx.status(503).json(error.body());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ApiError error = HttpErrors.of(e, ctx.method().name(), ctx.path());
            String allowed = e.getDetails().get("availableMethods");
            if (error.status() == 405 && allowed != null) {
                ctx.header("Allow", allowed);
            }
            ctx.status(error.status()).json(error.body());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed unexpectedly: {}", ctx.method(), ctx.path(), e.toString(), e);
            ApiError error = new ApiError(500, "server", "the request failed unexpectedly; the log has the details");
            ctx.status(500).json(error.body());
        });
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.text()));
        app.get("/api-docs", ctx -> ctx.header("Content-Security-Policy", ApiDocsPage.CONTENT_SECURITY_POLICY)
                .html(ApiDocsPage.html()));
        app.get("/health", routes::health);
        app.get("/themes", ctx -> ctx.json(Map.of("themes", deps.themes().all())));
        app.get("/alerts", routes::recentAlerts);
        app.get("/alerts/events", ctx -> routes.streams.stream(ctx, deps.dashboardSubscription(), true));
        app.get("/stats", routes::stats);
        if (deps.search() != null) {
            new SearchRoutes(deps.search(), ctx -> owner(ctx, deps), ctx -> routes.bodies.read(ctx, JSON_ONLY),
                    deps.subscriptions()::validate).register(app);
        } else {
            app.get("/search", ctx -> {
                throw new ApiError(503, "search", "search is not served by this alerts service");
            });
            app.post("/subscriptions/preview", ctx -> {
                throw new ApiError(503, "search", "the preview is not served by this alerts service");
            });
            app.get("/stories/{id}", ctx -> {
                throw new ApiError(503, "search", "stories are not served by this alerts service");
            });
        }
        app.post("/subscriptions", routes::create);
        app.get("/subscriptions", routes::listSubscriptions);
        app.get("/subscriptions/{id}", ctx -> ctx.json(routes.owned(ctx)));
        app.put("/subscriptions/{id}", routes::replace);
        app.patch("/subscriptions/{id}", routes::patch);
        app.delete("/subscriptions/{id}", routes::delete);
        app.get("/subscriptions/{id}/deliveries", routes::deliveries);
        app.get("/subscriptions/{id}/feed.atom", routes::atomFeed);
        app.post("/subscriptions/{id}/feed-token", routes::rotateFeedToken);
        app.get("/subscriptions/{id}/events", ctx -> {
            SubscriptionEvent s = routes.owned(ctx);
            routes.streams.stream(ctx, s.id(), false);
        });
        return app;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        return h;
    }

    private void health(Context ctx) {
        HealthReport report = deps.health().get();
        boolean ok = report.ok();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "degraded");
        if (!ok) {
            body.put("reason", report.reason());
        }
        body.put("checks", report.checks());
        body.put("streams", report.streams());
        body.put("liveStreams", streams.openStreams());
        ctx.status(ok ? 200 : 503).json(body);
    }

    private void recentAlerts(Context ctx) {
        int limit = intParam(ctx, "limit", 50);
        String theme = ctx.queryParam("theme");
        if (theme != null && !ID.matcher(theme).matches()) {
            throw new ApiError(400, "theme", "must be a theme id such as 'power-of-siberia'");
        }
        List<AlertEvent> alerts = deps.feed().recent(deps.dashboardSubscription(), theme, limit);
        ctx.json(Map.of("subscriptionId", deps.dashboardSubscription(), "count", alerts.size(), "alerts", alerts));
    }

    private void stats(Context ctx) {
        String g = ctx.queryParam("granularity");
        Granularity granularity;
        if (g == null || g.equalsIgnoreCase("hour")) {
            granularity = Granularity.HOUR;
        } else if (g.equalsIgnoreCase("day")) {
            granularity = Granularity.DAY;
        } else {
            throw new ApiError(400, "granularity", "must be 'hour' or 'day'");
        }
        int limit = intParam(ctx, "limit", granularity == Granularity.HOUR ? 48 : 30);
        Instant from = SearchParams.time("from", ctx.queryParam("from"), false);
        Instant to = SearchParams.time("to", ctx.queryParam("to"), true);
        SearchParams.window(from, to);
        ctx.json(deps.stats().series(granularity, from, to, limit));
    }

    private void listSubscriptions(Context ctx) {
        String owner = owner(ctx, deps);
        int limit = intParam(ctx, "limit", DEFAULT_PAGE);
        String cursor = ctx.queryParam("cursor");
        SubscriptionService.Page page = deps.subscriptions().page(owner,
                cursor == null ? null : SubscriptionCursor.parse(cursor), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriptions", page.subscriptions());
        if (page.next() != null) {
            body.put("nextCursor", page.next().token());
        }
        ctx.json(body);
    }

    private void create(Context ctx) {
        String owner = owner(ctx, deps);
        SubscriptionRequest request = SubscriptionRequestParser.parse(bodies.read(ctx, JSON_ONLY));
        SubscriptionEvent created = deps.subscriptions().create(owner, request);
        ctx.status(201).header("Location", "/subscriptions/" + created.id()).json(created);
    }

    private void replace(Context ctx) {
        String owner = owner(ctx, deps);
        String id = pathId(ctx);
        SubscriptionRequest request = SubscriptionRequestParser.parse(bodies.read(ctx, JSON_ONLY));
        SubscriptionEvent updated = deps.subscriptions().replace(owner, id, request)
                .orElseThrow(() -> notFound(id));
        ctx.json(updated);
    }

    private void patch(Context ctx) {
        String owner = owner(ctx, deps);
        String id = pathId(ctx);
        ObjectNode patch = StrictJsonReader.readObject(bodies.read(ctx, MERGE_PATCH_OR_JSON));
        SubscriptionEvent updated = deps.subscriptions().patch(owner, id, patch).orElseThrow(() -> notFound(id));
        ctx.json(updated);
    }

    private void delete(Context ctx) {
        String owner = owner(ctx, deps);
        String id = pathId(ctx);
        if (!deps.subscriptions().delete(owner, id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    private void deliveries(Context ctx) {
        SubscriptionEvent s = owned(ctx);
        List<DeliveryEvent> recent = deps.deliveries().recent(s.id(), intParam(ctx, "limit", 100));
        ctx.json(Map.of("subscriptionId", s.id(), "deliveries", recent));
    }

    private void atomFeed(Context ctx) {
        String id = pathId(ctx);
        String token = ctx.queryParam("token");
        SubscriptionEvent s;
        if (token != null) {
            // a wrong, rotated or other subscription's token looks exactly like a missing subscription
            s = deps.subscriptions().byFeedToken(id, token).orElseThrow(() -> new ApiError(404, "token",
                    "no feed of subscription '" + id + "' opens with this token"));
        } else {
            s = owned(ctx);
        }
        List<AlertEvent> alerts = deps.feed().recent(s.id(), null, intParam(ctx, "limit", DEFAULT_FEED_ENTRIES));
        String path = "/subscriptions/" + s.id() + "/feed.atom";
        String self = ctx.host() == null ? path : ctx.scheme() + "://" + ctx.host() + path;
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.contentType("application/atom+xml; charset=utf-8").result(AtomFeedWriter.write(s, alerts, self));
    }

    private void rotateFeedToken(Context ctx) {
        String owner = owner(ctx, deps);
        String id = pathId(ctx);
        String token = deps.subscriptions().rotateFeedToken(owner, id).orElseThrow(() -> notFound(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriptionId", id);
        body.put("token", token);
        body.put("feedUrl", "/subscriptions/" + id + "/feed.atom?token=" + token);
        ctx.status(201).header("Cache-Control", "no-store").json(body);
    }

    private SubscriptionEvent owned(Context ctx) {
        String owner = owner(ctx, deps);
        String id = pathId(ctx);
        return deps.subscriptions().get(owner, id).orElseThrow(() -> notFound(id));
    }

    private static ApiError notFound(String id) {
        // someone else's subscription looks exactly like a missing one
        return new ApiError(404, "id", "no subscription '" + id + "' for this API key");
    }

    private static String pathId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new ApiError(400, "id", "must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static String owner(Context ctx, AlertsDeps deps) {
        String key = ctx.header("X-Api-Key");
        String authorization = ctx.header("Authorization");
        if (key == null && authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized(ctx, "Authorization", "must be 'Bearer <api key>'");
            }
            key = authorization.substring(7).strip();
        }
        if (key == null && ctx.path().endsWith("/events")) {
            // browsers' EventSource cannot send headers
            key = ctx.queryParam("apiKey");
        }
        if (key == null || key.isEmpty()) {
            throw unauthorized(ctx, "Authorization", "an API key is required (Authorization: Bearer <key> or X-Api-Key)");
        }
        return deps.apiKeys().ownerOf(key).orElseThrow(() -> unauthorized(ctx, "Authorization", "unknown API key"));
    }

    private static ApiError unauthorized(Context ctx, String field, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"news-monitor\"");
        return new ApiError(401, field, message);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < 1 || v > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiError(400, name, "must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}
