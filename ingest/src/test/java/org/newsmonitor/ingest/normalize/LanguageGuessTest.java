package org.newsmonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsmonitor.contracts.json.Json;

class LanguageGuessTest {
    /** The themes' evaluation sets: articles written for the project, each labelled with its language. */
    private static final List<Path> EVAL_SETS = List.of(Path.of("../themes/src/test/resources/eval/articles.jsonl"),
            Path.of("../themes/src/test/resources/eval/held-back.jsonl"));

    @Test
    void shouldDetectTheLanguageOfAtLeast98PercentOfTheEvaluationArticlesFromTitleAndSummary() throws IOException {
        // Given every labelled article of both evaluation sets
        TreeMap<String, int[]> byLanguage = new TreeMap<>();
        int right = 0;
        int total = 0;
        for (Path set : EVAL_SETS) {
            for (String line : Files.readAllLines(set)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = Json.mapper().readTree(line);
                String declared = article.get("language").asText();
                // When
                String detected = LanguageGuess.detect(article.get("title").asText() + "\n"
                        + article.get("summary").asText());
                // Then (counted)
                int[] counts = byLanguage.computeIfAbsent(declared, k -> new int[2]);
                counts[1]++;
                total++;
                if (declared.equals(detected)) {
                    counts[0]++;
                    right++;
                }
            }
        }
        StringBuilder report = new StringBuilder();
        byLanguage.forEach((lang, c) -> report.append(String.format(Locale.ROOT, "%s %d/%d  ", lang, c[0], c[1])));
        System.out.printf(Locale.ROOT, "Language detection on the evaluation sets: %d/%d (%.1f %%): %s%n", right,
                total, 100.0 * right / total, report);
        assertThat(total).isGreaterThanOrEqualTo(1_000);
        assertThat((double) right / total).as(report.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(byLanguage.keySet()).containsExactly("en", "ru", "zh");
    }

    @Test
    void shouldDetectEnglishRussianAndChineseButNotGuessOtherLatinLanguages() {
        assertThat(LanguageGuess.detect("Gazprom and CNPC sign the Power of Siberia 2 contract")).isEqualTo("en");
        assertThat(LanguageGuess.detect("«Газпром» и CNPC обсудили условия поставок")).isEqualTo("ru");
        assertThat(LanguageGuess.detect("中俄东线天然气管道年输气量创新高")).isEqualTo("zh");
        assertThat(LanguageGuess.detect("ロシアと中国の首脳が会談した")).isEqualTo("ja");
        assertThat(LanguageGuess.detect("Die Regierung hat über die neue Gasleitung nach China beraten")).isNull();
        assertThat(LanguageGuess.detect("Le gouvernement russe et la Chine signent un accord sur le gaz")).isNull();
        assertThat(LanguageGuess.detect("S-400 2025")).isNull();
        assertThat(LanguageGuess.detect("")).isNull();
        assertThat(LanguageGuess.detect(null)).isNull();
    }
}
