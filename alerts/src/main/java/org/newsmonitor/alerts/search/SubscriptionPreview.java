package org.newsmonitor.alerts.search;

import java.io.IOException;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.newsmonitor.alerts.policy.AlertPolicy;
import org.newsmonitor.contracts.event.AlertEvent;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.DeliveryMode;
import org.newsmonitor.contracts.event.SubscriptionEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.matching.ArticleMatch;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.matching.QueryHits;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;

/**
 * What a subscription would have alerted on over the articles the monitor holds, without saving anything.
 *
 * <p>The index fetches the candidates cheaply (the articles in the window, languages and sources that match the
 * query, with its NOTs left out, or that matched one of the themes); each is then decided as production decides it:
 * a theme by the match the stream service recorded on {@code news-theme-matches} (the production matcher's decision
 * and score, kept in memory, so no text is read), a query by the themes' {@link Matcher} on the article's text
 * prepared by {@link ArticleText}, exactly as the stream service matches; the match is offered to
 * {@link AlertPolicy#accepts} and one alert kept per theme and story, oldest article first. A subscription with a
 * query alerts as the live one does ({@code QueryHits} in the stream service, {@link AlertPolicy#acceptsQueryMatch}):
 * only by its query, once per story, under the theme id {@code query:}{@value #SUBSCRIPTION_ID}
 * ({@link org.newsmonitor.themes.Query#themeId}); with themes as well, the article must also have matched one of
 * them and the alert carries the best of their scores, against which {@code minScore} applies; a query alone scores
 * 1. The first {@value #FIRST_ALERTS} alerts carry the matched terms' offsets (for a theme, found again by the
 * matcher of the themes in force).
 */
public final class SubscriptionPreview {
    /** Alerts listed in full. */
    public static final int FIRST_ALERTS = 50;
    /** The window when {@code from} is not given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    /** The subscription id of a preview's alerts: nothing is saved, so it has no id of its own. */
    public static final String SUBSCRIPTION_ID = "preview";

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
     * @param query     the query, checked by {@link org.newsmonitor.themes.Query#parse}; null for none
     * @param from      window start, inclusive; null for {@link #DEFAULT_WINDOW} before {@code to}
     * @param to        window end, exclusive; null for now
     */
    public record Request(String owner, List<String> themes, double minScore, List<String> languages,
            List<String> sources, org.newsmonitor.themes.Query query, Instant from, Instant to) {
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
        Instant now = clock.instant();
        SubscriptionEvent subscription = new SubscriptionEvent(SubscriptionEvent.CURRENT_VERSION, SUBSCRIPTION_ID,
                r.owner(), null, r.themes(), r.minScore(), r.languages(), r.sources(), DeliveryMode.IMMEDIATE, null,
                null, null, false, now, now, null, null, null, null, r.query() == null ? null : r.query().text());
        boolean byThemes = r.query() == null || !r.themes().isEmpty();
        ArticleFilter window = new ArticleFilter(from, to, r.languages(), r.sources(), null);
        ArticleFilter candidates = new ArticleFilter(from, to, r.languages(), r.sources(),
                byThemes ? r.themes() : null);
        Query textQuery = r.query() == null ? null : ExprQuery.candidates(r.query().expression());
        Matcher queryMatcher = r.query() == null ? null
                : Matcher.of(List.of(r.query().toTheme(SUBSCRIPTION_ID, "Preview")));
        Run run = new Run(subscription, queryMatcher, catalog.matcher(), now);
        return index.withSearcher(s -> {
            long held = s.count(window.restrict(null, index));
            Query q = candidates.restrict(textQuery, index);
            TopDocs all = s.search(q, Math.max(1, s.count(q)), oldestFirst());
            StoredFields stored = s.storedFields();
            for (ScoreDoc d : all.scoreDocs) {
                run.decide(stored, (FieldDoc) d);
            }
            return new Result(from, to, held, all.scoreDocs.length, run.count, run.perDay, run.first);
        });
    }

    /**
     * One backtest. Themes are decided as the stream service recorded them on {@code news-theme-matches} (the
     * production matcher's decision, with its score), read from memory without touching the article's text; a
     * query is decided by the matcher on the article's text, prepared as the stream service prepares it. The first
     * {@value #FIRST_ALERTS} alerts are made in full by {@link AlertPolicy}, with the matched terms.
     */
    private final class Run {
        final SubscriptionEvent subscription;
        final Matcher queryMatcher;
        final Matcher themeMatcher;
        final Instant now;
        final Set<String> seen = new HashSet<>();
        final Map<LocalDate, Integer> perDay = new TreeMap<>();
        final List<AlertEvent> first = new ArrayList<>();
        long count;

        Run(SubscriptionEvent subscription, Matcher queryMatcher, Matcher themeMatcher, Instant now) {
            this.subscription = subscription;
            this.queryMatcher = queryMatcher;
            this.themeMatcher = themeMatcher;
            this.now = now;
        }

        void decide(StoredFields stored, FieldDoc doc) throws IOException {
            Instant published = Instant.ofEpochMilli((Long) doc.fields[0]);
            String articleId = ((BytesRef) doc.fields[1]).utf8ToString();
            String storyId = index.storyOf(articleId);
            if (queryMatcher != null) {
                decideByQuery(stored, doc, articleId, storyId, published);
                return;
            }
            ArticleEvent article = null;
            for (Map.Entry<String, Double> theme : new TreeMap<>(index.themeScores(articleId)).entrySet()) {
                if (!subscription.follows(theme.getKey()) || theme.getValue() < subscription.minScore()
                        || !isNew(theme.getKey(), storyId)) {
                    continue;
                }
                if (first.size() >= FIRST_ALERTS) {
                    count(null, published);
                    continue;
                }
                if (article == null) {
                    article = ArticleFields.toArticle(stored.document(doc.doc));
                }
                count(themeMatch(article, theme.getKey(), theme.getValue(), storyId), published);
            }
        }

        // as the stream service keeps a query hit (QueryHits) and the alert policy accepts it
        private void decideByQuery(StoredFields stored, FieldDoc doc, String articleId, String storyId,
                Instant published) throws IOException {
            ArticleMatch queried = ArticleMatch.of(text, queryMatcher, ArticleFields.toArticle(stored.document(doc.doc)));
            if (queried.hits().isEmpty()) {
                return;
            }
            double score = subscription.themes().isEmpty() ? queried.hits().get(0).score() : -1;
            for (Map.Entry<String, Double> theme : index.themeScores(articleId).entrySet()) {
                if (subscription.themes().contains(theme.getKey())) {
                    score = Math.max(score, theme.getValue());
                }
            }
            ThemeHit hit = queried.hits().get(0);
            if (score < 0 || score < subscription.minScore() || !isNew(hit.themeId(), storyId)) {
                return;
            }
            hit = QueryHits.withScore(hit, score);
            count(withStory(MatchEvents.toEvent(queried.article(), hit, now), storyId), published);
        }

        private boolean isNew(String themeId, String storyId) {
            return seen.add(themeId + '\u0000' + storyId);
        }

        // the match as recorded (theme and score), with the terms the matcher finds in the text today
        private ThemeMatchEvent themeMatch(ArticleEvent article, String themeId, double score, String storyId) {
            return RecordedMatch.of(ArticleMatch.of(text, themeMatcher, article), article, themeId, score, storyId,
                    now);
        }

        // counts one alert; made in full (and checked by the alert policy) while fewer than FIRST_ALERTS are listed
        private void count(ThemeMatchEvent match, Instant published) {
            if (match != null && first.size() < FIRST_ALERTS) {
                boolean accepted = subscription.hasQuery() ? AlertPolicy.acceptsQueryMatch(subscription, match)
                        : AlertPolicy.accepts(subscription, match);
                if (!accepted) {
                    return;
                }
                first.add(AlertPolicy.alertFor(subscription, match, now));
            }
            count++;
            perDay.merge(LocalDate.ofInstant(published, ZoneOffset.UTC), 1, Integer::sum);
        }
    }

    private static ThemeMatchEvent withStory(ThemeMatchEvent m, String storyId) {
        return new ThemeMatchEvent(m.schemaVersion(), m.articleId(), storyId, m.themeId(), m.themeTitle(),
                m.polarity(), m.score(), m.terms(), m.snippet(), m.title(), m.url(), m.source(),
                m.language(), m.publishedAt(), m.matchedAt(), m.themeRevision(), m.snippetTerms(), m.subTopics());
    }

    private static Sort oldestFirst() {
        return new Sort(new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG),
                new SortField(ArticleFields.ID, SortField.Type.STRING));
    }


}
