package org.newsmonitor.alerts.search;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.search.IndexSearcher;
import org.newsmonitor.alerts.subscription.InvalidSubscriptionException;
import org.newsmonitor.alerts.subscription.StrictJsonReader;
import org.newsmonitor.alerts.subscription.SubscriptionRequest;
import org.newsmonitor.alerts.subscription.SubscriptionRequestParser;
import org.newsmonitor.alerts.web.ApiError;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.Lexicon;

/**
 * {@code GET /search} and {@code GET /stories/{id}} (public, like the dashboard's other reads) and
 * {@code POST /subscriptions/preview} (with the API key, the body of a create); documented in docs/api.md.
 */
public final class SearchRoutes {
    private final SearchService service;
    private final Function<Context, String> owner;
    private final Function<Context, String> jsonBody;
    private final Consumer<SubscriptionRequest> validator;

    /**
     * @param service   the index, the search and the preview
     * @param owner     the owner of the request's API key (answers 401 itself)
     * @param jsonBody  the request's JSON body, size and type checked
     * @param validator checks a subscription request as a create does (throws {@link InvalidSubscriptionException})
     */
    public SearchRoutes(SearchService service, Function<Context, String> owner, Function<Context, String> jsonBody,
            Consumer<SubscriptionRequest> validator) {
        this.service = service;
        this.owner = owner;
        this.jsonBody = jsonBody;
        this.validator = validator;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/search", this::search);
        app.post("/subscriptions/preview", this::preview);
        app.get("/stories/{id}", this::story);
    }

    private void story(Context ctx) {
        String id = SearchParams.storyId(ctx.pathParam("id"));
        String q = ctx.queryParam("q");
        Query query = q == null || q.isBlank() ? null : SearchParams.query("q", q, service.lexicon());
        int limit = SearchParams.limit(ctx.queryParam("limit"), StoryView.DEFAULT_LIMIT, StoryView.MAX_LIMIT,
                " (further copies are paged with 'offset')");
        StoryView.Start start = SearchParams.storyStart(ctx.queryParam("article"), ctx.queryParam("offset"),
                StoryView.MAX_OFFSET);
        StoryView.Story story;
        try {
            story = service.stories().story(id, query, start, limit).orElseThrow(() -> new ApiError(404,
                    "id", "no article of story '" + id + "' is held"));
        } catch (StoryView.NotACopyException e) {
            throw new ApiError(404, "article", e.getMessage() + " (the article ids of a story are on its search"
                    + " hits and alerts)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storyId", story.storyId());
        body.put("total", story.total());
        body.put("offset", story.offset());
        body.put("articles", story.articles());
        body.put("nextOffset", story.nextOffset());
        body.put("previousOffset", story.previousOffset());
        body.put("complete", service.caughtUp());
        ctx.json(body);
    }

    private void search(Context ctx) {
        Lexicon lexicon = service.lexicon();
        var query = SearchParams.query("q", ctx.queryParam("q"), lexicon).expression();
        Instant from = SearchParams.time("from", ctx.queryParam("from"), false);
        Instant to = SearchParams.time("to", ctx.queryParam("to"), true);
        SearchParams.window(from, to);
        List<String> themes = SearchParams.list(ctx.queryParams("theme"));
        ArticleFilter filter = new ArticleFilter(from, to, SearchParams.list(ctx.queryParams("lang")),
                SearchParams.list(ctx.queryParams("source")), themes.isEmpty() ? null : themes);
        SearchOrder order = SearchParams.order(ctx.queryParam("sort"));
        int limit = SearchParams.limit(ctx.queryParam("limit"));
        SearchCursor after = SearchParams.cursor(ctx.queryParam("cursor"), order);
        ArticleSearch.Page page = expensive("q", () -> service.search().search(new ArticleSearch.Request(query, filter,
                order, limit, after)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("results", page.hits());
        body.put("nextCursor", page.nextCursor());
        body.put("complete", service.caughtUp());
        ctx.json(body);
    }

    // a prefix inside NEAR or a phrase that expands to too many indexed words is refused as too expensive
    private static <T> T expensive(String field, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IndexSearcher.TooManyClauses e) {
            throw new ApiError(422, field, "is not a usable query: the query is too expensive: it expands to more"
                    + " than " + IndexSearcher.getMaxClauseCount() + " words in the index (a short prefix in a phrase"
                    + " or NEAR?); make it narrower");
        }
    }

    private void preview(Context ctx) {
        String who = owner.apply(ctx);
        SubscriptionRequest request = SubscriptionRequestParser.parse(StrictJsonReader.readObject(jsonBody.apply(ctx)));
        // checked as a create checks it, the query included, so a body a create refuses is refused the same way
        validator.accept(request);
        Query query = request.query() == null ? null : SearchParams.query("query", request.query(), service.lexicon());
        Instant from = SearchParams.time("from", ctx.queryParam("from"), false);
        Instant to = SearchParams.time("to", ctx.queryParam("to"), true);
        SearchParams.window(from, to);
        List<String> themes = request.themes() == null || request.themes().contains("*") ? List.of()
                : request.themes();
        SubscriptionPreview.Result result = expensive("query", () -> service.preview().preview(
                new SubscriptionPreview.Request(who, themes, request.minScore() == null ? 0 : request.minScore(),
                        request.languages() == null ? List.of() : request.languages(),
                        request.sources() == null ? List.of() : request.sources(), query, from, to)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", result.from());
        body.put("to", result.to());
        body.put("articlesHeld", result.articlesHeld());
        body.put("articlesScanned", result.articlesScanned());
        body.put("alerts", result.alerts());
        Map<String, Integer> perDay = new LinkedHashMap<>();
        result.perDay().forEach((day, n) -> perDay.put(day.toString(), n));
        body.put("perDay", perDay);
        body.put("first", result.first());
        body.put("complete", service.caughtUp());
        ctx.json(body);
    }
}
