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
    void shouldApplyWeightsNegativesAndRequireOutsideTheMonitorWhenTranslated() throws Exception {
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
        List<CompiledTheme> themes = fixture.catalogPlusExtra;
        //When
        List<Equivalence.Difference> diffs;
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(themes)) {
            diffs = Equivalence.compare(Matcher.of(themes), lucene, fixture.articles.subList(0, 200));
        }
        //Then
        assertThat(diffs).isEmpty();
    }

    @Test
    void shouldKeepNearAndPhrasesInsideOneFieldWhenFieldsShareTheTextField() throws Exception {
        //Given
        CompiledTheme t = theme("t", 1, null, """
                1: gas NEAR/3 pipeline*
                1: "power of sib*"
                """);
        Document acrossFields = Document.of("1", "talks on gas", "pipelines and power of");
        Document phraseAcross = new Document("2", "power of", "siberia", null, null);
        Document inOneField = Document.of("3", "x", "gas for new pipelines, the power of siberian gas");
        //When
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(List.of(t))) {
            //Then
            assertThat(lucene.match(acrossFields).themes()).isEmpty();
            assertThat(lucene.match(phraseAcross).themes()).isEmpty();
            assertThat(lucene.match(inOneField).themes()).containsExactly("t");
            Matcher ours = Matcher.of(List.of(t));
            for (Document d : List.of(acrossFields, phraseAcross, inOneField)) {
                assertThat(ours.match(d).isEmpty()).as(d.id()).isEqualTo(lucene.match(d).themes().isEmpty());
            }
        }
    }

    @Test
    void shouldRunNoQueryWhenTheArticleHasNoneOfTheirWordsOrPrefixes() throws Exception {
        //Given
        CompiledTheme t = theme("t", 1, "@china", """
                1: pipeline* OR gazprom OR "power of siberia"
                1: (sanction* OR tariff) AND NOT @russia
                """);
        Document unrelated = Document.of("1", "Weather", "Rain is expected over the weekend in the north");
        Document prefixOnly = Document.of("2", "China", "Beijing approves new pipelines");
        //When
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(List.of(t))) {
            LuceneThemeMonitor.Result none = lucene.match(unrelated);
            LuceneThemeMonitor.Result some = lucene.match(prefixOnly);
            //Then
            assertThat(none.queriesRun()).isZero();
            assertThat(none.themes()).isEmpty();
            assertThat(some.queriesRun()).isPositive();
            assertThat(some.themes()).containsExactly("t");
        }
    }

    @Test
    void shouldRegisterASharedRequireOnceWhenThemesRepeatIt() throws Exception {
        //Given
        CompiledTheme a = theme("a", 1, "@russia AND @china", "1: gas\n");
        CompiledTheme b = theme("b", 1, "@russia AND @china", "1: oil\n");
        //When
        try (LuceneThemeMonitor lucene = new LuceneThemeMonitor(List.of(a, b))) {
            //Then: @russia, @china, gas, oil
            assertThat(lucene.queryCount()).isEqualTo(4);
            assertThat(lucene.match(Document.of("1", "Moscow and Beijing", "oil and gas")).themes())
                    .containsExactly("a", "b");
            assertThat(lucene.match(Document.of("2", "Moscow", "oil and gas")).themes()).isEmpty();
        }
    }
}
