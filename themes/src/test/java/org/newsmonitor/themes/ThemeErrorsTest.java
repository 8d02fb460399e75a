package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeErrorsTest {
    private static final Path BROKEN = Path.of("src/test/resources/fixtures/broken");
    private static final Path VALID = Path.of("src/test/resources/fixtures/valid");

    private static ThemeSyntaxException problemIn(String file) {
        Path path = BROKEN.resolve(file);
        try {
            ThemeSpec spec = ThemeFiles.load(path).get(0);
            CompiledTheme.compile(spec, ThemeFiles.lexiconFor(VALID));
        } catch (ThemeSyntaxException e) {
            return e;
        }
        throw new AssertionError(file + " was accepted");
    }

    private static ThemeSyntaxException problemInText(String yaml) {
        try {
            CompiledTheme.compile(ThemeFiles.parse(yaml, "t.yaml"), TestThemes.lexicon());
        } catch (ThemeSyntaxException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void shouldPointAtOpeningParenthesisWhenItIsNeverClosed() {
        //Given //When
        ThemeSyntaxException e = problemIn("unbalanced-paren.yaml");
        //Then
        assertThat(e.getMessage()).isEqualTo(BROKEN.resolve("unbalanced-paren.yaml")
                + ":8:21: theme 'unbalanced-paren': unbalanced parenthesis: '(' is never closed");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.themeId()).isEqualTo("unbalanced-paren");
    }

    @Test
    void shouldNameUnknownListAndPointIntoRequireWhenListIsMisspelt() {
        //Given //When
        ThemeSyntaxException e = problemIn("unknown-list.yaml");
        //Then
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(23);
        assertThat(e.problem()).startsWith("require: unknown list '@chinaa' (lists in ")
                .endsWith(": russia, china)");
    }

    @Test
    void shouldPointAtValueWhenPolarityIsUnknown() {
        //Given //When
        ThemeSyntaxException e = problemIn("bad-polarity.yaml");
        //Then
        assertThat(e.getMessage()).isEqualTo(BROKEN.resolve("bad-polarity.yaml")
                + ":3:11: theme 'bad-polarity': unknown polarity 'hostile' (use cooperation, friction or mixed)");
    }

    @Test
    void shouldReportYamlSyntaxErrorWithLineWhenFlowListIsNotClosed() {
        //Given //When
        ThemeSyntaxException e = problemIn("yaml-error.yaml");
        //Then
        assertThat(e.getMessage()).isEqualTo(BROKEN.resolve("yaml-error.yaml") + ":4:38: theme 'yaml-error':"
                + " YAML syntax: while parsing a flow sequence; expected ',' or ']', but got <scalar>");
        assertThat(e.themeId()).isEqualTo("yaml-error");
        assertThat(e.problem()).startsWith("YAML syntax: ");
    }

    @Test
    void shouldPointAtRuleStartWhenWeightIsMissing() {
        //Given //When
        ThemeSyntaxException e = problemIn("missing-weight.yaml");
        //Then
        assertThat(e.getMessage()).isEqualTo(BROKEN.resolve("missing-weight.yaml")
                + ":7:5: theme 'missing-weight': missing weight: a rule reads 'WEIGHT: EXPRESSION',"
                + " as in '3: gas NEAR/5 china'");
    }

    @Test
    void shouldRefuseNearZeroWhenDistanceIsZero() {
        //Given //When
        ThemeSyntaxException e = problemIn("near-zero.yaml");
        //Then
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.problem()).startsWith("NEAR/0: the distance must be at least 1");
    }

    @Test
    void shouldListEveryBrokenRuleWhenSeveralAreWrong() {
        //Given
        String yaml = """
                id: t
                title: T
                polarity: mixed
                minScore: 1
                rules: |
                  2: (a OR b
                  2: @nosuch
                  x
                  1: ok
                """;
        //When
        List<ThemeSyntaxException> problems = CompiledTheme.problems(uncheckedParse(yaml), TestThemes.lexicon());
        //Then
        assertThat(problems).extracting(p -> p.line() + ":" + p.column())
                .containsExactly("6:6", "7:6", "8:3");
    }

    private static ThemeSpec uncheckedParse(String yaml) {
        try {
            return ThemeFiles.parse(yaml, "t.yaml");
        } catch (ThemeSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldPlaceErrorsInQuotedAndPlainScalarsWhenRulesAreOnOneLine() {
        //Given //When
        ThemeSyntaxException quoted = problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 1\nrules: \"1: a OR\"\n");
        ThemeSyntaxException plain = problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 1\n"
                + "require: china AND )\nrules: \"1: a\"\n");
        //Then
        assertThat(quoted.getMessage()).isEqualTo("t.yaml:5:14: theme 't': OR needs something after it");
        assertThat(plain.getMessage()).isEqualTo("t.yaml:5:20: theme 't': require: unexpected ')' after AND");
    }

    @Test
    void shouldRefuseWhenKeysAreMissingUnknownOrValuesInvalid() {
        //Given //When //Then
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nrules: \"1: a\"\n").getMessage())
                .isEqualTo("t.yaml:1:1: theme 't': missing required key 'minScore'");
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 1\nrule: \"1: a\"\n").getMessage())
                .isEqualTo("t.yaml:5:1: theme 't': unknown key 'rule' (allowed: id, title, description, polarity,"
                        + " seeds, minScore, require, rules, subTopics)");
        assertThat(problemInText("id: Bad Id\ntitle: T\npolarity: mixed\nminScore: 1\nrules: \"1: a\"\n").problem())
                .startsWith("id 'Bad Id' must be kebab-case");
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 0\nrules: \"1: a\"\n").getMessage())
                .isEqualTo("t.yaml:4:11: theme 't': minScore must be greater than 0, found 0");
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: x\nrules: \"1: a\"\n").problem())
                .isEqualTo("minScore must be a number, found 'x'");
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 5\nrules: \"1: a\"\n").problem())
                .isEqualTo("minScore 5 can never be reached: the positive weights add up to 1");
        assertThat(problemInText("id: t\ntitle: T\ntitle: U\npolarity: mixed\nminScore: 1\nrules: \"1: a\"\n")
                .getMessage()).isEqualTo("t.yaml:3:1: theme 't': key 'title' appears twice");
        assertThat(problemInText("id: t\ntitle: T\npolarity: mixed\nminScore: 1\nrules: >\n  1: a\n").problem())
                .startsWith("use a literal block ('|')");
    }

    @Test
    void shouldExplainRuleMistakesWhenExpressionIsMalformed() {
        //Given
        String head = "id: t\ntitle: T\npolarity: mixed\nminScore: 1\nrules: |\n  ";
        //When //Then
        assertThat(problemInText(head + "1: a)").problem()).isEqualTo("unbalanced parenthesis: ')' has no matching '('");
        assertThat(problemInText(head + "1: a \"b c").problem()).startsWith("unclosed quote");
        assertThat(problemInText(head + "1: a \"\"").problem()).isEqualTo("empty phrase \"\"");
        assertThat(problemInText(head + "1: url:x").problem()).isEqualTo("unknown field scope 'url:' (use title: or body:)");
        assertThat(problemInText(head + "1: title:(a OR body:b)").problem()).isEqualTo("'body:' inside 'title:' can never match");
        assertThat(problemInText(head + "1: a or b").problem()).startsWith("operators are upper-case: write OR");
        assertThat(problemInText(head + "1: pi*pe").problem()).startsWith("'*' may only end a word");
        assertThat(problemInText(head + "1: (a AND b) NEAR c").problem()).startsWith("NEAR joins words");
        assertThat(problemInText(head + "1: a NEAR/x b").problem()).startsWith("'NEAR/x': NEAR/ must be followed by a number");
        assertThat(problemInText(head + "0: a").problem()).startsWith("weight 0 has no effect");
        assertThat(problemInText(head + "1: ()").problem()).isEqualTo("empty parentheses '()'");
        assertThat(problemInText(head + "1: --").problem()).isEqualTo("'--' has no letters or digits");
        assertThat(problemInText(head + "1:").problem()).isEqualTo("the expression is empty");
    }

    @Test
    void shouldRefuseThemeWhenIdDiffersFromFileName(@TempDir Path dir) throws Exception {
        //Given
        Path file = dir.resolve("other-name.yaml");
        Files.copy(VALID.resolve("border-trade.yaml"), file);
        //When //Then
        assertThatThrownBy(() -> ThemeFiles.load(file)).isInstanceOf(ThemeSyntaxException.class)
                .hasMessage(file + ":1:1: theme 'border-trade': id 'border-trade' must equal the file name 'other-name'");
    }

    @Test
    void shouldRefuseDirectoryWhenTwoFilesShareAnId(@TempDir Path dir) throws Exception {
        //Given
        Files.copy(VALID.resolve("border-trade.yaml"), dir.resolve("border-trade.yaml"));
        Files.copy(VALID.resolve("border-trade.yaml"), dir.resolve("border-trade.yml"));
        //When //Then
        assertThatThrownBy(() -> ThemeFiles.load(dir)).isInstanceOf(ThemeSyntaxException.class)
                .hasMessageContaining("id 'border-trade' is already used by " + dir.resolve("border-trade.yaml"));
    }

    @Test
    void shouldRefuseLexiconWhenEntryIsNotATerm() {
        //Given
        String yaml = "russia: [russia, \"--\"]\nchina: china\n";
        //When //Then
        assertThatThrownBy(() -> Lexicon.parse(yaml, "lex.yaml")).isInstanceOf(ThemeSyntaxException.class)
                .hasMessage("lex.yaml:1:18: lexicon: list 'russia': '--' has no letters or digits");
        assertThatThrownBy(() -> Lexicon.parse("russia: [a]\nchina: china\n", "lex.yaml"))
                .hasMessage("lex.yaml:2:8: lexicon: list 'china' must be a non-empty list of terms, found 'china'");
        assertThatThrownBy(() -> Lexicon.parse("Rus Sia: [a]\n", "lex.yaml"))
                .hasMessageContaining("list name 'Rus Sia' must be kebab-case");
    }
}
