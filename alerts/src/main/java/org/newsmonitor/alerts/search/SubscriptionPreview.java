package org.newsmonitor.alerts.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.newsmonitor.alerts.policy.AlertPolicy;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.MatchedTerm;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.stream.article.ArticleText;
import org.newsmonitor.stream.match.ArticleMatch;
import org.newsmonitor.stream.match.MatchThemesProcessor;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;

/**
 * What a subscription would have alerted on over the articles the monitor holds, without saving anything.
 *
 * <p>The index fetches the candidates cheaply (the articles in the window, language and sources that match the
 * query, with its NOTs left out, or matched one of the themes); each candidate is then decided as production decides
 * it: its text prepared by {@link ArticleText}, matched by the themes' {@link Matcher} (the catalog in force and the
 * query), the match offered to {@link AlertPolicy#accepts} and one alert kept per theme and story, oldest article
 * first. With a query and themes, both must hold; with a query alone, the alert's theme is
 * {@value org.newsmonitor.themes.QueryRules#THEME_ID} and {@code minScore} does not apply (a query has no weights).
 */
public final class SubscriptionPreview {
    /** Alerts listed in full. */
    public static final int FIRST_ALERTS = 50;
    /** The window when {@code from} is not given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final String PREVIEW_ID = "preview";

    private final ArticleIndex index;
    private final CatalogThemes catalog;
    private final ArticleText text;
    private final Clock clock;

    /**
     * @param index   the articles held
     * @param catalog the themes in force
     * @param text    how the stream service prepares text for matching
     * @param clock   the default window ends now
     */
    public SubscriptionPreview(ArticleIndex index, CatalogThemes catalog, ArticleText text, Clock clock) {
        this.index = index;
        this.catalog = catalog;
        this.text = text;
        this.clock = clock;
    }

    /**
     * What the subscription asks for.
     *
     * @param owner     who previews
     * @param themes    theme ids; empty for all
     * @param minScore  least theme score
     * @param languages language tags; empty for any
     * @param sources   source names; empty for any
     * @param query     the query, compiled by {@link org.newsmonitor.themes.QueryRules#compile}; null for none
     * @param from      window start, inclusive; null for {@link #DEFAULT_WINDOW} before {@code to}
     * @param to        window end, exclusive; null for now
     */
    public record Request(String owner, List<String> themes, double minScore, List<String> languages,
            List<String> sources, CompiledTheme query, Instant from, Instant to) {
        public Request {
            themes = List.copyOf(themes);
            languages = List.copyOf(languages);
            sources = List.copyOf(sources);
        }
    }

    /**
     * The backtest.
     *
     * @param from           window start
     * @param to             window end
     * @param articlesHeld   articles held in the window
     * @param articlesScanned candidates the matcher decided on
     * @param alerts         alerts the subscription would have had
     * @param perDay         alerts per day (UTC) of the article's publication, days in order, only days with alerts
     * @param first          the first {@value #FIRST_ALERTS} alerts, oldest first, with the matched terms' offsets
     */
    public record Result(Instant from, Instant to, long articlesHeld, long articlesScanned, long alerts,
            Map<LocalDate, Integer> perDay, List<AlertEvent> first) {
    }

    /** Runs the backtest; never null. */
    public Result preview(Request r) {
        Instant to = r.to() == null ? clock.instant() : r.to();
        Instant from = r.from() == null ? to.minus(DEFAULT_WINDOW) : r.from();
        SubscriptionEvent subscription = new SubscriptionEvent(SubscriptionEvent.CURRENT_VERSION, PREVIEW_ID,
                r.owner(), null, r.themes(), r.query() != null && r.themes().isEmpty() ? 0 : r.minScore(),
                r.languages(), r.sources(), DeliveryMode.IMMEDIATE, null, null, null, false, clock.instant(),
                clock.instant());
        boolean byThemes = r.query() == null || !r.themes().isEmpty();
        ArticleFilter window = new ArticleFilter(from, to, r.languages(), r.sources(), null);
        ArticleFilter candidates = new ArticleFilter(from, to, r.languages(), r.sources(),
                byThemes ? r.themes() : null);
        Query textQuery = r.query() == null ? null : ExprQuery.candidates(r.query().rules().get(0).expression());
        Matcher themeMatcher = byThemes ? catalog.matcher() : null;
        Matcher queryMatcher = r.query() == null ? null : Matcher.of(List.of(r.query()));
        return index.withSearcher(s -> {
            long held = s.count(window.restrict(null, index));
            Query q = candidates.restrict(textQuery, index);
            TopDocs all = s.search(q, Math.max(1, s.count(q)), oldestFirst());
            Tally tally = new Tally();
            for (ScoreDoc d : all.scoreDocs) {
                ArticleEvent article = ArticleFields.toArticle(s.storedFields().document(d.doc));
                decide(subscription, article, themeMatcher, queryMatcher, tally);
            }
            return new Result(from, to, held, all.scoreDocs.length, tally.count, tally.perDay, tally.first);
        });
    }

    private void decide(SubscriptionEvent subscription, ArticleEvent article, Matcher themeMatcher,
            Matcher queryMatcher, Tally tally) {
        List<MatchedTerm> queryTerms = List.of();
        ThemeHit queryHit = null;
        if (queryMatcher != null) {
            ArticleMatch m = ArticleMatch.of(text, queryMatcher, article);
            if (m.hits().isEmpty()) {
                return;
            }
            queryHit = m.hits().get(0);
            queryTerms = MatchThemesProcessor.toEvent(m.article(), queryHit, clock.instant()).terms();
        }
        String storyId = index.storyOf(article.id());
        Instant now = clock.instant();
        if (themeMatcher == null) {
            ThemeMatchEvent match = withStory(MatchThemesProcessor.toEvent(article, queryHit, now), storyId,
                    queryTerms);
            if (AlertPolicy.accepts(subscription, match)) {
                tally.add(AlertPolicy.alertFor(subscription, match, now));
            }
            return;
        }
        ArticleMatch themed = ArticleMatch.of(text, themeMatcher, article);
        for (ThemeHit hit : themed.hits()) {
            ThemeMatchEvent match = MatchThemesProcessor.toEvent(themed.article(), hit, now);
            List<MatchedTerm> terms = new ArrayList<>(match.terms());
            terms.addAll(queryTerms);
            match = withStory(match, storyId, terms);
            if (AlertPolicy.accepts(subscription, match)) {
                tally.add(AlertPolicy.alertFor(subscription, match, now));
            }
        }
    }

    private static ThemeMatchEvent withStory(ThemeMatchEvent m, String storyId, List<MatchedTerm> terms) {
        return new ThemeMatchEvent(m.schemaVersion(), m.articleId(), storyId, m.themeId(), m.themeTitle(),
                m.polarity(), m.score(), terms, m.snippet(), m.title(), m.url(), m.source(), m.language(),
                m.publishedAt(), m.matchedAt());
    }

    private static Sort oldestFirst() {
        return new Sort(new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG),
                new SortField(ArticleFields.ID, SortField.Type.STRING));
    }

    /** Alerts counted once per alert id (theme and story), in the order they would have been sent. */
    private static final class Tally {
        final Set<String> seen = new HashSet<>();
        final Map<LocalDate, Integer> perDay = new TreeMap<>();
        final List<AlertEvent> first = new ArrayList<>();
        long count;

        void add(AlertEvent alert) {
            if (!seen.add(alert.alertId())) {
                return;
            }
            count++;
            perDay.merge(LocalDate.ofInstant(alert.publishedAt(), ZoneOffset.UTC), 1, Integer::sum);
            if (first.size() < FIRST_ALERTS) {
                first.add(alert);
            }
        }
    }

}
