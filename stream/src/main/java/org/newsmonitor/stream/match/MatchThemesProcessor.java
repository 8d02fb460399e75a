package org.newsmonitor.stream.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.matching.QueryHits;
import org.newsmonitor.matching.QuerySnapshot;
import org.newsmonitor.stream.catalog.ThemeCatalogSnapshot;
import org.newsmonitor.stream.catalog.ThemeCatalogStore;
import org.newsmonitor.stream.query.SubscriptionQueryStore;
import org.newsmonitor.stream.story.StoryFingerprint;
import org.newsmonitor.stream.story.StoryTerms;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each article against the themes in force in the {@link ThemeCatalogStore} and forwards those with at
 * least one theme hit or query hit (see {@link QueryHits}), with their story signature; an article that matches nothing ends here (most articles of a
 * feed do, and they need no de-duplication, story or count). The matcher (the catalog's themes and the
 * subscriptions' queries of the {@link SubscriptionQueryStore}) is rebuilt when either changes, so a changed theme
 * or query applies from the next article on. Each article is matched by {@link ArticleMatch}, as
 * {@code monitor match} matches it offline: articles without text are skipped with a logged reason, over-long fields
 * are matched on their first characters (see {@link ArticleText}).
 */
public final class MatchThemesProcessor implements Processor<String, ArticleEvent, String, MatchedArticle> {
    private static final Logger LOG = LoggerFactory.getLogger(MatchThemesProcessor.class);
    /** Characters of the body used for the story signature when the article has no title or summary. */
    private static final int SIGNATURE_FALLBACK_CHARS = 1_000;

    private final String catalogStoreName;
    private final String queryStoreName;
    private final ArticleText articleText;
    private ProcessorContext<String, MatchedArticle> context;
    private ThemeCatalogStore catalog;
    private SubscriptionQueryStore queryStore;
    private long generation = -1;
    private QuerySnapshot queries;
    private Matcher matcher;
    private final StoryTerms storyTerms = new StoryTerms();
    private Map<String, Integer> revisions = Map.of();

    /**
     * @param catalogStoreName the global theme catalog store
     * @param queryStoreName   the global store of the subscriptions' queries
     * @param articleText      how article text is prepared for matching
     */
    public MatchThemesProcessor(String catalogStoreName, String queryStoreName, ArticleText articleText) {
        this.catalogStoreName = catalogStoreName;
        this.queryStoreName = queryStoreName;
        this.articleText = articleText;
    }

    @Override
    public void init(ProcessorContext<String, MatchedArticle> context) {
        this.context = context;
        this.catalog = context.getStateStore(catalogStoreName);
        this.queryStore = context.getStateStore(queryStoreName);
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        ArticleEvent original = record.value();
        ArticleMatch match = ArticleMatch.of(articleText, currentMatcher(), original);
        if (match.note() != null) {
            LOG.info("Article {} from {} {}: {}", original.id(), original.source(),
                    match.skipped() ? "skipped" : "matched in part", match.note());
        }
        List<ThemeHit> hits = QueryHits.select(match.hits(), queries);
        if (hits.isEmpty()) {
            return;
        }
        ArticleEvent article = match.article();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<ThemeMatchEvent> matches = new ArrayList<>(hits.size());
        for (ThemeHit hit : hits) {
            matches.add(MatchEvents.toEvent(original, hit, revisions.get(hit.themeId()), now));
        }
        context.forward(record.withValue(new MatchedArticle(original.id(), original.publishedAt(),
                signature(storyTerms, article), matches)));
    }

    private Matcher currentMatcher() {
        ThemeCatalogSnapshot snapshot = catalog.snapshot();
        QuerySnapshot currentQueries = queryStore.snapshot();
        if (matcher == null || snapshot.generation() != generation || currentQueries != queries) {
            // the queries are matched as one-rule themes after the catalog's, in one pass over the article
            List<CompiledTheme> themes = new ArrayList<>(snapshot.themes().size() + currentQueries.size());
            themes.addAll(snapshot.themes());
            currentQueries.queries().values().forEach(q -> themes.add(q.compiled()));
            matcher = Matcher.of(themes);
            revisions = revisionsInForce();
            generation = snapshot.generation();
            queries = currentQueries;
            LOG.debug("Matcher rebuilt with {} themes and {} queries (catalog generation {}, queries generation {})",
                    snapshot.themes().size(), currentQueries.size(), generation, currentQueries.generation());
        }
        return matcher;
    }

    /** Theme id to the revision in force, so that each match says which version of its theme made it. */
    private Map<String, Integer> revisionsInForce() {
        Map<String, Integer> inForce = new HashMap<>();
        catalog.statuses().forEach((id, status) -> {
            if (status.active()) {
                inForce.put(id, status.activeRevision());
            }
        });
        return inForce;
    }

    /**
     * The story signature of {@code article}: the {@link StoryFingerprint} of its title and summary (or of the start
     * of its body when it has neither).
     */
    public static long[] signature(ArticleEvent article) {
        return signature(new StoryTerms(), article);
    }

    private static long[] signature(StoryTerms terms, ArticleEvent article) {
        String title = article.title() == null ? "" : article.title();
        String summary = article.summary() == null ? "" : article.summary();
        if (title.isBlank() && summary.isBlank() && article.content() != null) {
            summary = article.content().substring(0, Math.min(article.content().length(), SIGNATURE_FALLBACK_CHARS));
        }
        return StoryFingerprint.of(terms, title, summary);
    }
}
