package org.newsmonitor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Lexicon;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeSpec;

class LuceneBaselineTest {

    private static CompiledTheme theme(String id, double minScore, String require, String rules) throws Exception {
        return CompiledTheme.compile(ThemeSpec.of(id, id, "", Polarity.MIXED, List.of(), minScore, require, rules,
                "test " + id), Lexicon.parse("china: [china, beijing, 中国]\nrussia: [russia, moscow]\n", "lex"));
    }

    @Test
    void shouldMatchTheSameThemesAsTheMatcherWhenRunOverTheEvaluationSet() throws Exception {
        //Given
        List<CompiledTheme> catalog = ThemeFiles.bundledCompiled();
        List<Document> eval = BenchmarkFixture.evaluationSet();
        //When
        List<Equivalence.Difference> diffs;
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(catalog)) {
            diffs = Equivalence.compare(Matcher.of(catalog), lucene, eval);
        }
        //Then
        assertThat(eval).hasSizeGreaterThanOrEqualTo(200);
        assertThat(diffs).isEmpty();
    }

    @Test
    void shouldApplyWeightsNegativesAndRequireThroughScoresWhenTranslated() throws Exception {
        //Given
        CompiledTheme t = theme("t", 4, "@russia AND @china", """
                3: pipeline*
                2: gas NEAR/3 china
                -3: heatwave
                1: title:"power of siberia"
                """);
        Document enough = Document.of("1", "Power of Siberia", "Russia: gas for China via new pipelines");
        Document negated = Document.of("2", "Power of Siberia", "Russia: gas for China via new pipelines, heatwave");
        Document noRequire = Document.of("3", "Power of Siberia", "gas for China via new pipelines");
        Document phraseInBody = Document.of("4", "x", "Russia: power of Siberia gas for China pipelines");
        //When
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(List.of(t))) {
            //Then
            assertThat(lucene.match(enough).themes()).isEqualTo(Set.of("t"));
            assertThat(lucene.match(negated).themes()).isEmpty();
            assertThat(lucene.match(noRequire).themes()).isEmpty();
            assertThat(lucene.match(phraseInBody).themes()).isEqualTo(Set.of("t"));
            Matcher ours = Matcher.of(List.of(t));
            for (Document d : List.of(enough, negated, noRequire, phraseInBody)) {
                assertThat(ours.match(d).isEmpty()).as(d.id()).isEqualTo(lucene.match(d).themes().isEmpty());
            }
        }
    }

    @Test
    void shouldAgreeWithTheMatcherOnGeneratedArticlesAndSubscriptionsWhenSampled() throws Exception {
        //Given
        BenchmarkFixture fixture = BenchmarkFixture.create();
        List<CompiledTheme> themes = fixture.catalogPlusExtra.subList(0, 1_000);
        //When
        List<Equivalence.Difference> diffs;
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(themes)) {
            diffs = Equivalence.compare(Matcher.of(themes), lucene, fixture.articles.subList(0, 40));
        }
        //Then
        assertThat(diffs).isEmpty();
    }
}
