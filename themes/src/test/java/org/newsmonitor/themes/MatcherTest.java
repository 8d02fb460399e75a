package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MatcherTest {
    private static final Matcher CATALOG = Matcher.of(ThemeFiles.bundledCompiled());

    @Test
    void shouldReturnThemesInCatalogOrderWhenSeveralMatch() {
        //Given
        Matcher m = Matcher.of(List.of(
                TestThemes.theme("zeta", 1, null, "1: gas"),
                TestThemes.theme("alpha", 1, null, "1: pipeline"),
                TestThemes.theme("mid", 1, null, "1: nothing")));
        //When
        List<ThemeHit> hits = m.match(Document.of("1", "pipeline gas", ""));
        //Then
        assertThat(hits).extracting(ThemeHit::themeId).containsExactly("zeta", "alpha");
        assertThat(m.themeCount()).isEqualTo(3);
    }

    @Test
    void shouldSkipWithReasonWhenArticleHasNoText() {
        //Given //When
        MatchOutcome empty = CATALOG.outcome(new Document("1", null, "  ", null, null));
        MatchOutcome symbols = CATALOG.outcome(Document.of("2", "— … ***", "!!!"));
        //Then
        assertThat(empty.hits()).isEmpty();
        assertThat(empty.note()).isEqualTo("no text: title, summary and content are empty");
        assertThat(symbols.hits()).isEmpty();
        assertThat(symbols.note()).isEqualTo("no words: the text has no letters or digits");
        assertThat(CATALOG.outcome(null).hits()).isEmpty();
    }

    @Test
    void shouldMatchOnlyTheFirstPartAndSayWhenBodyIsEnormous() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 1, null, "1: pipeline")));
        String filler = "word ".repeat(TextLimits.MAX_CONTENT / 5);
        Document early = new Document("1", "x", "", "pipeline " + filler + filler, null);
        Document late = new Document("2", "x", "", filler + filler + " pipeline", null);
        //When
        MatchOutcome first = m.outcome(early);
        MatchOutcome second = m.outcome(late);
        //Then
        assertThat(first.hits()).hasSize(1);
        assertThat(first.note()).isEqualTo("content cut to the first " + TextLimits.MAX_CONTENT + " of " + early.content().length()
                + " characters");
        assertThat(second.hits()).isEmpty();
        assertThat(second.note()).startsWith("content cut to the first " + TextLimits.MAX_CONTENT + " of ");
    }

    @Test
    void shouldNeverThrowWhenTextIsRandomUnicode() {
        //Given
        Random random = new Random(42);
        //When //Then
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(400);
            for (int k = 0; k < len; k++) {
                sb.append((char) random.nextInt(0x10000));
            }
            String s = sb.toString();
            assertThat(CATALOG.match(new Document("r" + i, s, s, s, "xx"))).isNotNull();
        }
    }

    @Test
    void shouldMatchUnexpectedScriptsWithoutHitsWhenNoRuleUsesThem() {
        //Given
        String thai = "ประเทศรัสเซียและจีนลงนามข้อตกลงก๊าซ";
        String arabic = "وقعت روسيا والصين اتفاقية غاز جديدة";
        //When //Then
        assertThat(CATALOG.outcome(Document.of("1", thai, arabic)).hits()).isEmpty();
        assertThat(CATALOG.outcome(Document.of("1", thai, arabic)).note()).isNull();
    }

    @Test
    void shouldFindTheSameThemesWithPreselectionAsWithoutWhenRunOverEvaluationSet() throws Exception {
        //Given
        Matcher exhaustive = Matcher.exhaustive(ThemeFiles.bundledCompiled());
        List<Document> docs = evaluationDocuments();
        //When //Then
        for (Document d : docs) {
            assertThat(CATALOG.match(d)).as(d.id()).isEqualTo(exhaustive.match(d));
        }
        assertThat(docs).hasSizeGreaterThan(100);
    }

    @Test
    void shouldKeepNonRussiaChinaStoriesOutWhenBundledRequireApplies() {
        //Given
        Document indiaS400 = Document.of("1", "India receives third S-400 squadron from Russia",
                "Russia delivered the third regiment of S-400 air defence systems to India under the 2018 contract.");
        Document pakistanPort = Document.of("2", "Belt and Road port at Gwadar expands",
                "China's Belt and Road investment in Pakistan's Gwadar port adds a new container terminal.");
        Document heatwave = Document.of("3", "Heatwave grips Siberia",
                "A heatwave and wildfires across Siberia pushed temperatures above 35C in Yakutia.");
        //When //Then
        assertThat(CATALOG.match(indiaS400)).extracting(ThemeHit::themeId).doesNotContain("arms-sales");
        assertThat(CATALOG.match(pakistanPort)).extracting(ThemeHit::themeId).doesNotContain("eeu-bri-friction");
        assertThat(CATALOG.match(heatwave)).extracting(ThemeHit::themeId).doesNotContain("power-of-siberia");
    }

    @Test
    void shouldNotTakeBelarusForRussiaWhenAChineseStoryIsAboutBelarusAndChina() {
        //Given
        Document belarus = Document.of("1", "白俄罗斯总统会见中国国防部长 双方签署军事技术合作协议",
                "白俄方面表示，将从中国采购防空导弹和无人机，并深化与中方的能源和基础设施合作。");
        Document russia = Document.of("2", "俄罗斯向中国交付防空导弹", "俄方表示，将与中方深化军事技术合作。");
        //When //Then
        assertThat(TestThemes.matches("俄", "", belarus.summary())).isFalse();
        assertThat(TestThemes.matches("@russia", belarus.title(), belarus.summary())).isFalse();
        assertThat(TestThemes.matches("白俄罗斯", belarus.title(), "")).isTrue();
        assertThat(CATALOG.match(belarus)).isEmpty();
        assertThat(CATALOG.match(russia)).extracting(ThemeHit::themeId).contains("arms-sales");
    }

    @Test
    void shouldGiveSameResultsFromManyThreadsWhenSharedMatcherIsUsedConcurrently() throws Exception {
        //Given
        List<Document> docs = evaluationDocuments();
        List<List<ThemeHit>> expected = docs.stream().map(CATALOG::match).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            //When
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < docs.size(); i++) {
                            if (!CATALOG.match(docs.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            //Then
            for (Future<Boolean> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldPointSnippetAtFirstBodyMatchWhenBodyIsLong() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 1, null, "1: pipeline")));
        String summary = "Lorem ipsum dolor sit amet ".repeat(10) + "the new pipeline opens " + "and more text ".repeat(10);
        //When
        ThemeHit hit = m.match(Document.of("1", "Title", summary)).get(0);
        //Then
        assertThat(hit.snippet()).startsWith("…").endsWith("…").contains("the new pipeline opens");
        assertThat(hit.snippet().length()).isLessThan(200);
        assertThat(summary.substring(hit.terms().get(0).start(), hit.terms().get(0).end())).isEqualTo("pipeline");
    }

    @Test
    void shouldLocateMatchedPrefixesInTheSnippetAndNotTheLongerWordsAroundThem() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 1, null, "1: газпром* AND russia")));
        String summary = "Lorem ipsum dolor sit amet ".repeat(6) + "officials said Газпрома and Russia agreed; "
                + "Russian media reported " + "more text ".repeat(10);
        //When
        ThemeHit hit = m.match(Document.of("1", "Title", summary)).get(0);
        //Then
        assertThat(hit.snippetTerms()).extracting(t -> hit.snippet().substring(t.start(), t.end()))
                .containsExactly("Газпрома", "Russia");
    }

    @Test
    void shouldGiveEachThemeTheSnippetOfItsOwnFirstMatchWhenSeveralThemesMatchOneArticle() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("gas", 1, null, "1: gazprom"),
                TestThemes.theme("gas-too", 1, null, "1: gazprom AND cnpc"),
                TestThemes.theme("oil", 1, null, "1: rosneft")));
        String filler = "and more unrelated text ".repeat(12);
        Document first = Document.of("1", "Title", "Gazprom opens talks. " + filler + "Rosneft ships oil. " + filler
                + "CNPC agrees.");
        Document second = Document.of("2", "Title", filler + "Gazprom and CNPC again. " + filler);
        //When
        List<ThemeHit> hits = m.match(first);
        List<ThemeHit> later = m.match(second);
        //Then
        assertThat(hits).extracting(ThemeHit::themeId).containsExactly("gas", "gas-too", "oil");
        assertThat(hits.get(0).snippet()).isEqualTo(hits.get(1).snippet()).startsWith("Gazprom opens talks.");
        assertThat(hits.get(2).snippet()).contains("Rosneft ships oil.").doesNotContain("Gazprom");
        assertThat(later).extracting(ThemeHit::snippet).allSatisfy(s -> assertThat(s).contains("Gazprom and CNPC"));
    }

    @Test
    void shouldReportOnlyTheOccurrencesThatAreCloseWhenNearIsChainedWithOrSides() {
        //Given
        Matcher m = TestThemes.rule("(gas OR oil) NEAR/2 (russia OR moscow) NEAR/2 china");
        String text = "gas far away from here. oil russia x china. gas once more now. russia is not close to china";
        //When
        List<ThemeHit> hits = m.match(Document.of("1", "", text));
        //Then
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).terms()).extracting(TermHit::term, TermHit::start)
                .containsExactly(org.assertj.core.api.Assertions.tuple("oil", text.indexOf("oil")),
                        org.assertj.core.api.Assertions.tuple("russia", text.indexOf("russia")),
                        org.assertj.core.api.Assertions.tuple("china", text.indexOf("china")));
    }

    static List<Document> evaluationDocuments() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Document> docs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/articles.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            docs.add(new Document(n.path("id").asText(), n.path("title").asText(), n.path("summary").asText(),
                    n.path("content").asText(null), n.path("language").asText(null)));
        }
        return docs;
    }
}
