package org.newsmonitor.benchmarks.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmonitor.contracts.Topics;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.contracts.event.ThemeMatchEvent;
import org.newsmonitor.contracts.json.JsonSerde;
import org.newsmonitor.matching.ArticleText;
import org.newsmonitor.stream.match.MatchThemesProcessor;
import org.newsmonitor.matching.MatchEvents;
import org.newsmonitor.stream.match.MatchedArticle;
import org.newsmonitor.stream.match.MatchedArticleSerde;
import org.newsmonitor.stream.story.StoryFingerprint;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.TextLimits;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;

/**
 * Times, outside Kafka and on one thread, the steps the stream service runs for each article of the pipeline
 * benchmark: decoding its JSON, preparing and matching it and, for the articles with a theme hit, its story
 * signature, the story-clustering record with its matches written and read, and the match JSON written (all as means
 * over every article). What the stream service spends beyond their sum per article is Kafka Streams and the clients.
 *
 * <p>{@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.newsmonitor.benchmarks.pipeline.StreamSteps [ARTICLES] [ROUNDS]}
 */
final class StreamSteps {
    static final List<String> STEPS = List.of("decode article JSON", "prepare and match", "story signature",
            "story-clustering record written and read", "match JSON written");

    private StreamSteps() {
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Double> micros = measure(articles, rounds);
        micros.forEach((step, us) -> System.out.printf("| %s | %.1f |%n", step, us));
        System.out.printf("| all | %.1f |%n", micros.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Mean microseconds per article of each step in {@link #STEPS}, from the last of {@code rounds} rounds. */
    static Map<String, Double> measure(int articles, int rounds) {
        JsonSerde<ArticleEvent> articleSerde = Topics.ARTICLES.valueSerde();
        JsonSerde<ThemeMatchEvent> matchSerde = Topics.THEME_MATCHES.valueSerde();
        MatchedArticleSerde storySerde = new MatchedArticleSerde("story-clustering");
        SyntheticArticles generator = new SyntheticArticles(42);
        Instant now = Instant.now();
        byte[][] raw = new byte[articles][];
        for (int i = 0; i < articles; i++) {
            raw[i] = articleSerde.serialize(Topics.ARTICLES.name(), generator.next("steps-" + i, now));
        }
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        ArticleText text = new ArticleText(TextLimits.MAX_CONTENT);
        long[] nanos = new long[STEPS.size()];
        long check = 0;
        for (int round = 0; round < rounds; round++) {
            Arrays.fill(nanos, 0);
            for (byte[] bytes : raw) {
                long t0 = System.nanoTime();
                ArticleEvent article = articleSerde.deserialize(Topics.ARTICLES.name(), bytes);
                long t1 = System.nanoTime();
                ArticleEvent prepared = text.prepare(article).article();
                List<ThemeHit> hits = matcher.outcome(new Document(prepared.id(), prepared.title(),
                        prepared.summary(), prepared.content(), prepared.language())).hits();
                long t2 = System.nanoTime();
                long t3 = t2;
                long t4 = t2;
                long t5 = t2;
                if (!hits.isEmpty()) { // as in the topology: articles without a theme hit end at matching
                    long[] signature = MatchThemesProcessor.signature(prepared);
                    check += StoryFingerprint.bandHashes(signature).length;
                    t3 = System.nanoTime();
                    List<ThemeMatchEvent> matches = new ArrayList<>(hits.size());
                    for (ThemeHit hit : hits) {
                        matches.add(MatchEvents.toEvent(article, hit, now));
                    }
                    MatchedArticle matched = storySerde.deserialize("story-clustering", storySerde.serialize(
                            "story-clustering", new MatchedArticle(article.id(), article.publishedAt(), signature,
                                    matches)));
                    t4 = System.nanoTime();
                    for (ThemeMatchEvent match : matched.matches()) {
                        check += matchSerde.serialize(Topics.THEME_MATCHES.name(), match).length;
                    }
                    t5 = System.nanoTime();
                }
                nanos[0] += t1 - t0;
                nanos[1] += t2 - t1;
                nanos[2] += t3 - t2;
                nanos[3] += t4 - t3;
                nanos[4] += t5 - t4;
            }
        }
        Map<String, Double> micros = new LinkedHashMap<>();
        for (int i = 0; i < STEPS.size(); i++) {
            micros.put(STEPS.get(i), nanos[i] / 1e3 / articles);
        }
        if (check == 0) {
            throw new IllegalStateException("no signature bands were computed");
        }
        return micros;
    }
}
