package org.newsmonitor.themes.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeFiles;

class EvaluatorTest {
    private static final Matcher CATALOG = Matcher.of(ThemeFiles.bundledCompiled().stream()
            .filter(t -> t.id().equals("power-of-siberia")).collect(Collectors.toList()));

    @Test
    void shouldExplainWhichRequireFailedWhenALabelledArticleIsMissed() {
        // Given: gas words and a Russian actor but no Chinese actor and no name of a pipeline to China
        LabelledArticle article = new LabelledArticle("a", "Gazprom pipeline flows rise",
                "Gazprom said flows through its eastern pipeline rose.", "en", List.of("power-of-siberia"));

        // When
        EvaluationReport report = Evaluator.evaluate(CATALOG, List.of(article));

        // Then
        assertThat(report.score("power-of-siberia").falseNegatives()).isEqualTo(1);
        String text = ReportText.render("t", report);
        assertThat(text).contains("FN power-of-siberia a  Gazprom pipeline flows rise")
                .contains("require failed: ((@russia OR @ru-firms OR @ru-lng-plants OR siberian OR сибирск* OR 西伯利亚 OR sakhalin*")
                .contains("AND (@china OR @cn-firms OR @cn-gas-buyers)) OR \"power of siberia\"")
                .contains("'eastern pipeline' in summary");
    }

    @Test
    void shouldSayHowFarTheScoreFellShortWhenNoStrongRuleHeld() {
        // Given
        LabelledArticle article = new LabelledArticle("b", "Russia and China talk",
                "Officials from Russia and China discussed energy.", "en", List.of("power-of-siberia"));

        // When
        String text = ReportText.render("t", Evaluator.evaluate(CATALOG, List.of(article)));

        // Then
        assertThat(text).contains("score 0 of minScore 4: 4 short").contains("no rule held");
    }

    @Test
    void shouldListTheRulesThatFiredWhenAnUnlabelledArticleMatches() {
        // Given
        LabelledArticle article = new LabelledArticle("c", "Gazprom and CNPC sign Power of Siberia deal",
                "Russia's Gazprom and China's CNPC signed.", "en", List.of());

        // When
        EvaluationReport report = Evaluator.evaluate(CATALOG, List.of(article));

        // Then
        assertThat(report.hardNegativeHits("power-of-siberia")).isEqualTo(1);
        assertThat(ReportText.render("t", report)).contains("FP power-of-siberia c")
                .contains("the article has no label").contains("'gazprom*' in title");
        assertThat(QualityThresholds.projectTargets().failures(report))
                .contains("power-of-siberia: matched 1 article(s) without labels, none allowed");
    }

    @Test
    void shouldApplyPerThemeThresholdsBeforeTheGeneralOneWhenCheckingAReport() {
        // Given
        EvaluationReport report = new EvaluationReport(List.of(new ThemeScore("x", 8, 2, 0),
                new ThemeScore("y", 9, 1, 0)), new ThemeScore("all", 17, 3, 0), List.of(), List.of(0, 0));
        QualityThresholds thresholds = QualityThresholds.none().withPrecision(null, 0.85).withPrecision("x", 0.8);

        // Then
        assertThat(thresholds.failures(report)).isEmpty();
        assertThat(QualityThresholds.none().withPrecision(null, 0.85).failures(report))
                .containsExactly("x: precision 0.800 is below 0.850");
        assertThat(QualityThresholds.parse("arms-sales=0.92")).isEqualTo(java.util.Map.entry("arms-sales", 0.92));
        assertThatThrownBy(() -> QualityThresholds.parse("1.5")).hasMessageContaining("from 0 to 1");
    }

    @Test
    void shouldReportEachBadLineWithFileAndLineWhenReadingALabelledFile() throws IOException {
        // Given
        String jsonl = String.join("\n",
                "{\"id\":\"1\",\"title\":\"t\",\"summary\":\"s\",\"labels\":[\"power-of-siberia\"]}",
                "{\"id\":\"2\",\"title\":\"t\",",
                "{\"id\":\"3\",\"title\":\"t\",\"summary\":\"s\",\"labels\":[\"no-such-theme\"]}",
                "{\"id\":\"4\",\"summary\":\"s\",\"labels\":[]}",
                "{\"id\":\"5\",\"title\":\"t\",\"summary\":\"s\"}",
                "",
                "{\"id\":\"6\",\"title\":\"t\",\"content\":\"body\",\"labels\":[]}");

        // When
        LabelledSet set = LabelledSet.read(new BufferedReader(new StringReader(jsonl)), "f.jsonl",
                Set.of("power-of-siberia"));

        // Then
        assertThat(set.articles()).extracting(LabelledArticle::id).containsExactly("1", "6");
        assertThat(set.problems()).hasSize(4);
        assertThat(set.problems().get(0)).startsWith("f.jsonl:2: not valid JSON");
        assertThat(set.problems().get(1)).startsWith("f.jsonl:3: article '3': unknown theme label \"no-such-theme\"");
        assertThat(set.problems().get(2)).isEqualTo("f.jsonl:4: missing field 'title' (a non-empty string)");
        assertThat(set.problems().get(3)).startsWith("f.jsonl:5: article '5': missing field 'labels'");
    }
}
