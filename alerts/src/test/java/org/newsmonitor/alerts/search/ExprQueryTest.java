package org.newsmonitor.alerts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsmonitor.alerts.search.SearchFixtures.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.event.ArticleEvent;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.Query;

class ExprQueryTest {
    private final ArticleIndex index = ArticleIndex.inMemory();
    private final List<ArticleEvent> articles = new ArrayList<>();

    @AfterEach
    void close() {
        index.close();
    }

    private void add(ArticleEvent a) {
        articles.add(a);
        index.index(a.id(), a);
    }

    private void corpus() {
        add(article("plural", "Gas pipelines across Siberia", "New routes are planned."));
        add(article("singular", "A gas pipeline deal", "Gazprom and CNPC sign."));
        add(article("phrase", "Talks on Power of Siberia 2", "Moscow and Beijing."));
        add(article("split", "Power in Siberia", "The power of the region."));
        add(article("near", "Sanctions", "Russia sold fighter jets to China last year."));
        add(article("far", "Sanctions", "Russia, a country of many regions and long winters, later spoke to China."));
        add(article("body-only", "Weekly roundup", "Beijing and Moscow discuss the Power of Siberia pipeline."));
        add(article("russian", "Газопровод Сила Сибири", "Переговоры продолжаются.", null, "ru", "TASS",
                SearchFixtures.T0));
        add(article("chinese", "中俄天然气管道", "西伯利亚力量管道", null, "zh", "Xinhua", SearchFixtures.T0));
        add(article("football", "Gas giant sponsors football club", "The pipeline of young players."));
        add(article("prefix", "Sukhoi fighters for Beijing", "Su-35 deliveries resume."));
    }

    private Set<String> matcherIds(String query) throws Exception {
        Matcher m = Matcher.of(List.of(Query.parse(query, Lexicon.empty()).toTheme("test", "test")));
        Set<String> out = new TreeSet<>();
        for (ArticleEvent a : articles) {
            if (!m.match(new Document(a.id(), a.title(), a.summary(), a.content(), a.language())).isEmpty()) {
                out.add(a.id());
            }
        }
        return out;
    }

    private Set<String> searchIds(String query) throws Exception {
        return SearchFixtures.ids(index, ExprQuery.of(Query.parse(query, Lexicon.empty()).expression()));
    }

    private Set<String> candidateIds(String query) throws Exception {
        return SearchFixtures.ids(index, ExprQuery.candidates(Query.parse(query, Lexicon.empty()).expression()));
    }

    private void agrees(String query, String... expected) throws Exception {
        Set<String> want = new TreeSet<>(List.of(expected));
        assertEquals(want, matcherIds(query), "matcher for " + query);
        assertEquals(want, searchIds(query), "search for " + query);
    }

    @Test
    void wordsMatchTheirPluralAsTheMatcherDoes() throws Exception {
        corpus();
        agrees("pipeline", "plural", "singular", "body-only", "football");
        agrees("pipelines", "plural");
    }

    @Test
    void prefixes() throws Exception {
        corpus();
        agrees("sukh*", "prefix");
        agrees("pipel*", "plural", "singular", "body-only", "football");
    }

    @Test
    void phrasesNeedAdjacentWords() throws Exception {
        corpus();
        agrees("\"power of siberia\"", "phrase", "body-only");
        agrees("\"power of sib*\"", "phrase", "body-only");
    }

    @Test
    void andOrNot() throws Exception {
        corpus();
        agrees("gas AND pipeline", "plural", "singular", "football");
        agrees("gazprom OR cnpc OR sukhoi", "singular", "prefix");
        agrees("gas AND NOT football", "plural", "singular");
        agrees("(gas OR pipeline) NOT (football OR beijing)", "plural", "singular");
    }

    @Test
    void nearCountsTokensWithinOneField() throws Exception {
        corpus();
        agrees("russia NEAR/5 china", "near");
        agrees("russia NEAR/12 china", "near", "far");
        agrees("sanctions NEAR/3 russia");
    }

    @Test
    void titleAndBodyScopes() throws Exception {
        corpus();
        agrees("title:\"power of siberia\"", "phrase");
        agrees("body:\"power of siberia\"", "body-only");
    }

    @Test
    void russianAndChineseTerms() throws Exception {
        corpus();
        agrees("газопровод", "russian");
        agrees("\"сила сибири\"", "russian");
        agrees("天然气", "chinese");
        agrees("\"西伯利亚\" AND 管道", "chinese");
    }

    @Test
    void everyArticleTheMatcherAcceptsIsFoundOnGeneratedArticles() throws Exception {
        String[] words = {"gas", "gases", "pipeline", "pipelines", "russia", "china", "power", "of", "siberia",
            "arms", "sale", "sales", "jet", "jets", "газ", "газопровод", "китай", "天", "然", "气", "China's", "S-400"};
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            add(article("g" + i, sentence(random, words, 6), sentence(random, words, 30)));
        }
        List<String> queries = List.of("gas", "gases", "pipeline AND china", "russia NEAR/3 china",
                "\"power of siberia\"", "title:jet OR body:sales", "pipe* AND NOT gas", "(arms OR jets) NEAR/2 china",
                "газ* OR 天然气", "\"s 400\"", "china AND NOT (russia OR power)", "\"of sib*\" NEAR/4 gas");
        for (String q : queries) {
            Set<String> matcher = matcherIds(q);
            Set<String> search = searchIds(q);
            assertEquals(matcher, search, "search and matcher differ for " + q);
            assertTrue(candidateIds(q).containsAll(matcher), "candidates miss matches of " + q);
            assertTrue(!matcher.isEmpty() || q.contains("NOT"), "the generated articles never match " + q);
        }
    }

    private static String sentence(Random random, String[] words, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
        }
        return sb.toString().strip();
    }
}
