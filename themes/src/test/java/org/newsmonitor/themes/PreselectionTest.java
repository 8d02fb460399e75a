package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreselectionTest {

    @Test
    void shouldFindTheSameHitsAsWithoutPreselectionWhenThousandsOfRandomRulesRunOverEvaluationSet()
            throws Exception {
        //Given
        List<Document> docs = withContent(MatcherTest.evaluationDocuments());
        List<CompiledTheme> themes = new RandomThemes(new Random(20_240_611L), docs).generate(3_000);
        Matcher fast = Matcher.of(themes);
        Matcher exhaustive = Matcher.exhaustive(themes);
        int hits = 0;
        long evaluated = 0;
        //When //Then
        for (Document d : docs) {
            List<ThemeHit> expected = exhaustive.match(d);
            assertThat(fast.match(d)).as(d.id()).isEqualTo(expected);
            evaluated += fast.lastEvaluatedCount();
            hits += expected.size();
        }
        // the rules are not trivial (many hits), and few themes are evaluated that then do not match
        assertThat(hits).isGreaterThan(5 * docs.size());
        assertThat(evaluated).isLessThan(hits * 3L / 2);
    }

    @Test
    void shouldNotEvaluateThemeWhenPhraseWordsOccurOnlyApart() {
        //Given
        Matcher m = TestThemes.rule("\"far east\"");
        //When
        List<ThemeHit> apart = m.match(Document.of("1", "East wind", "far from the coast"));
        int evaluatedApart = m.lastEvaluatedCount();
        List<ThemeHit> together = m.match(Document.of("2", "", "trade in the far east grows"));
        int evaluatedTogether = m.lastEvaluatedCount();
        //Then
        assertThat(apart).isEmpty();
        assertThat(evaluatedApart).isZero();
        assertThat(together).hasSize(1);
        assertThat(evaluatedTogether).isEqualTo(1);
    }

    @Test
    void shouldNotEvaluateThemeWhenRequireNeedsAbsentWords() {
        //Given
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 1, "@russia AND @china", "1: pipeline")));
        //When
        List<ThemeHit> noChina = m.match(Document.of("1", "Russia builds a pipeline", "to Europe"));
        int evaluatedNoChina = m.lastEvaluatedCount();
        List<ThemeHit> both = m.match(Document.of("2", "Russia builds a pipeline", "to China"));
        //Then
        assertThat(noChina).isEmpty();
        assertThat(evaluatedNoChina).isZero();
        assertThat(both).extracting(ThemeHit::themeId).containsExactly("t");
    }

    @Test
    void shouldNotEvaluateThemeWhenBothSidesOfAndAreNeededButOneIsMissing() {
        //Given
        Matcher m = TestThemes.rule("gazprom AND (cnpc OR sinopec) AND NOT heatwave");
        //When
        m.match(Document.of("1", "Gazprom results", "profits fell"));
        int evaluatedWithoutPartner = m.lastEvaluatedCount();
        List<ThemeHit> hit = m.match(Document.of("2", "Gazprom and Sinopec", "talks"));
        //Then
        assertThat(evaluatedWithoutPartner).isZero();
        assertThat(hit).hasSize(1);
    }

    @Test
    void shouldMatchThroughAnyRuleWhenNoSingleRuleIsNeededForMinScore() {
        //Given: either rule alone reaches minScore 2; the negative rule does not count for pre-selection
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 2, null,
                "2: \"power of siberia\"\n2: gazprom NEAR/3 cnpc\n1: pipeline\n-5: heatwave")));
        //When
        List<ThemeHit> second = m.match(Document.of("1", "", "Gazprom and CNPC sign"));
        List<ThemeHit> weak = m.match(Document.of("2", "", "a pipeline opens"));
        int evaluatedWeak = m.lastEvaluatedCount();
        //Then
        assertThat(second).hasSize(1);
        assertThat(weak).isEmpty();
        assertThat(evaluatedWeak).isZero();
    }

    @Test
    void shouldRequireEveryNecessaryRuleWhenMinScoreNeedsThemAll() {
        //Given: minScore 3 needs both rules
        Matcher m = Matcher.of(List.of(TestThemes.theme("t", 3, null, "2: gazprom\n1: title:pipeline*")));
        //When
        m.match(Document.of("1", "Gas talks", "Gazprom pipelines"));
        int evaluatedNoTitleMatch = m.lastEvaluatedCount();
        List<ThemeHit> hit = m.match(Document.of("2", "Pipelines", "Gazprom"));
        //Then
        assertThat(evaluatedNoTitleMatch).isZero();
        assertThat(hit).extracting(ThemeHit::score).containsExactly(3.0);
    }

    @Test
    void shouldEvaluateThemeOnEveryArticleWhenItsOnlyRuleIsNegation() {
        //Given
        Matcher m = TestThemes.rule("NOT heatwave");
        //When
        List<ThemeHit> hits = m.match(Document.of("1", "Anything", "at all"));
        //Then
        assertThat(hits).hasSize(1);
        assertThat(m.lastEvaluatedCount()).isEqualTo(1);
    }

    // the evaluation set has titles and summaries only: borrow two other summaries as full text
    private static List<Document> withContent(List<Document> docs) {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            String content = docs.get((i + 7) % docs.size()).summary() + "\n\n" + docs.get((i + 31) % docs.size())
                    .summary();
            out.add(new Document(d.id(), d.title(), d.summary(), i % 3 == 0 ? null : content, d.language()));
        }
        return out;
    }

    /** Random themes over words, prefixes and phrases taken from the articles, in every shape the language has. */
    private static final class RandomThemes {
        private final Random random;
        private final List<List<String>> tokenRuns = new ArrayList<>();
        private final Lexicon lexicon = ThemeFiles.bundledLexicon();

        RandomThemes(Random random, List<Document> docs) {
            this.random = random;
            for (Document d : docs) {
                for (String text : List.of(d.title(), d.summary())) {
                    List<String> run = TextTokenizer.tokens(text).stream().map(TextTokenizer.Token::text).toList();
                    if (run.size() >= 3) {
                        tokenRuns.add(run);
                    }
                }
            }
        }

        List<CompiledTheme> generate(int count) throws ThemeSyntaxException {
            List<CompiledTheme> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int rules = 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 1);
                StringBuilder text = new StringBuilder();
                double positive = 0;
                for (int r = 0; r < rules; r++) {
                    int weight = r > 0 && random.nextInt(5) == 0 ? -(1 + random.nextInt(3)) : 1 + random.nextInt(3);
                    positive += Math.max(weight, 0);
                    text.append(weight).append(": ").append(expression(2)).append('\n');
                }
                if (positive == 0) {
                    text.append("1: ").append(term()).append('\n');
                    positive = 1;
                }
                double minScore = 1 + random.nextInt((int) Math.max(positive, 1));
                String require = random.nextInt(6) == 0 ? "@russia AND @china"
                        : random.nextInt(10) == 0 ? expression(1) : null;
                String id = String.format(Locale.ROOT, "r-%05d", i);
                out.add(CompiledTheme.compile(ThemeSpec.of(id, id, "", Polarity.MIXED, List.of(), minScore, require,
                        text.toString(), "random " + id), lexicon));
            }
            return out;
        }

        private String expression(int depth) {
            if (depth == 0) {
                return term();
            }
            return switch (random.nextInt(10)) {
                case 0 -> expression(depth - 1) + " AND " + expression(depth - 1);
                case 1 -> "(" + expression(depth - 1) + " OR " + expression(depth - 1) + ")";
                case 2 -> expression(depth - 1) + " AND NOT " + term();
                case 3 -> spanSide() + " NEAR/" + (1 + random.nextInt(12)) + " " + spanSide();
                case 4 -> "title:" + term() + " OR (" + term() + " AND " + term() + ")";
                case 5 -> (random.nextBoolean() ? "body:" : "title:") + "(" + term() + " OR " + term() + ")";
                case 6 -> "(" + term() + " OR " + term() + ") AND @" + (random.nextBoolean() ? "china" : "russia");
                case 7 -> spanSide() + " NEAR/" + (1 + random.nextInt(6)) + " " + spanSide() + " NEAR/"
                        + (1 + random.nextInt(6)) + " " + spanSide();
                default -> term();
            };
        }

        private String spanSide() {
            return switch (random.nextInt(6)) {
                case 0 -> "(" + term() + " OR " + term() + ")";
                // lexicon lists that many rules share, alone and in an OR
                case 1 -> random.nextBoolean() ? "@china" : "@russia";
                case 2 -> "(" + term() + " OR " + (random.nextBoolean() ? "@china" : "@russia") + ")";
                default -> term();
            };
        }

        private String term() {
            List<String> run = tokenRuns.get(random.nextInt(tokenRuns.size()));
            int at = random.nextInt(run.size());
            String word = run.get(at);
            // quoted, so that words such as "and" are not taken for operators
            return "\"" + switch (random.nextInt(6)) {
                // a phrase as it stands in some article, or two words that may never stand together
                case 0, 1 -> at + 1 < run.size() ? word + " " + run.get(at + 1) : word;
                case 2 -> word + " " + tokenRuns.get(random.nextInt(tokenRuns.size())).get(0);
                case 3 -> prefix(word);
                default -> word;
            } + "\"";
        }

        private String prefix(String word) {
            if (word.length() < 4 || TextTokenizer.isCjk(word.codePointAt(0))) {
                return word;
            }
            return word.substring(0, 3 + random.nextInt(word.length() - 3)) + "*";
        }
    }
}
