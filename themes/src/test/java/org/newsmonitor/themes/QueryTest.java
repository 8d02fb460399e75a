package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
    private static final Lexicon LEXICON = ThemeFiles.bundledLexicon();

    private static QueryException refused(String text) {
        try {
            Query.parse(text, LEXICON);
        } catch (QueryException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void shouldAcceptWordsPhrasesPrefixesNearScopesListsAndOtherScripts() throws QueryException {
        //Given //When
        Query q = Query.parse("(su-35 OR su-57) NEAR/5 deliver* AND title:@china AND NOT \"air show\""
                + " OR газопровод* OR 西伯利亚力量", LEXICON);
        //Then
        assertThat(q.text()).startsWith("(su-35");
        assertThat(q.expression()).isInstanceOf(Expr.Or.class);
    }

    @Test
    void shouldNameEmptyAndBlankQueries() {
        //Given //When //Then
        assertThat(refused("").getMessage()).startsWith("the query is empty");
        assertThat(refused("   ").position()).isZero();
        assertThat(refused(null).problem()).startsWith("the query is empty");
    }

    @Test
    void shouldRefuseQueriesOverTenThousandCharacters() {
        //Given
        String longQuery = "pipeline ".repeat(1_200);
        //When
        QueryException e = refused(longQuery);
        //Then
        assertThat(e.getMessage()).isEqualTo("the query is too long: 10800 characters, at most 10000");
    }

    @Test
    void shouldGivePositionOfSyntaxErrors() {
        //Given //When
        QueryException unclosed = refused("gas AND (pipeline OR oil");
        QueryException unknownList = refused("gas AND @chinaa");
        QueryException lowerCase = refused("gas and oil");
        QueryException dangling = refused("gas AND");
        //Then
        assertThat(unclosed.getMessage()).isEqualTo("column 9: unbalanced parenthesis: '(' is never closed");
        assertThat(unknownList.position()).isEqualTo(9);
        assertThat(unknownList.problem()).startsWith("unknown list '@chinaa'");
        assertThat(lowerCase.getMessage()).startsWith("column 5: operators are upper-case");
        assertThat(dangling.getMessage()).isEqualTo("column 5: AND needs something after it");
    }

    @Test
    void shouldRefuseQueriesThatMatchArticlesWithNoneOfTheirTerms() {
        //Given //When
        QueryException notAlone = refused("NOT oil");
        QueryException orNot = refused("gas OR NOT oil");
        QueryException notNot = refused("NOT (oil AND NOT gas)");
        //Then
        assertThat(notAlone.getMessage()).startsWith("column 1: the query is too broad: it matches articles that"
                + " contain none of its terms");
        assertThat(orNot.problem()).startsWith("the query is too broad");
        assertThat(notNot.problem()).startsWith("the query is too broad");
    }

    @Test
    void shouldRefuseShortPrefixesWithTheirPosition() {
        //Given //When
        QueryException lone = refused("a*");
        QueryException inside = refused("pipeline AND ch*");
        //Then
        assertThat(lone.getMessage()).isEqualTo("column 1: the query is too broad: the prefix 'a*' matches too many"
                + " words; write at least 3 characters before '*'");
        assertThat(inside.position()).isEqualTo(14);
    }

    @Test
    void shouldAcceptAShortPrefixAfterTheWordsOfAPhrase() throws QueryException {
        //Given //When //Then
        assertThat(Query.parse("\"ал 31*\" AND @china", LEXICON).text()).startsWith("\"ал 31*\"");
        assertThat(Query.parse("h-6* AND bomber", LEXICON).text()).startsWith("h-6*");
    }

    @Test
    void shouldAcceptTwoCharacterChinesePrefixes() throws QueryException {
        //Given //When //Then
        assertThat(Query.parse("西伯*", LEXICON).text()).isEqualTo("西伯*");
        assertThat(refused("西*").problem()).endsWith("write at least 2 characters before '*'");
    }

    @Test
    void shouldRefuseTooManyTermsOrPrefixesOrTooDeepNesting() {
        //Given
        StringBuilder terms = new StringBuilder("w0");
        for (int i = 1; i <= Query.MAX_TERMS; i++) {
            terms.append(" OR w").append(i);
        }
        StringBuilder prefixes = new StringBuilder("pre0*");
        for (int i = 1; i <= Query.MAX_PREFIXES; i++) {
            prefixes.append(" OR pre").append(i).append('*');
        }
        //When //Then
        assertThat(refused(terms.toString()).getMessage())
                .isEqualTo("the query is too expensive: 201 terms once lexicon lists are expanded, at most 200");
        assertThat(refused(prefixes.toString()).getMessage())
                .isEqualTo("the query is too expensive: 51 prefixes once lexicon lists are expanded, at most 50");
        assertThat(refused("(".repeat(21) + "gas" + ")".repeat(21)).getMessage())
                .isEqualTo("column 21: the query is nested too deeply: at most 20 levels of parentheses");
    }

    @Test
    void shouldMatchAsAThemeOfOneRuleWithTheQueryId() throws QueryException {
        //Given
        Query q = Query.parse("kovykta AND (cnpc OR sinopec)", LEXICON);
        Matcher m = Matcher.of(List.of(q.toTheme("sub-1", "my question")));
        //When
        List<ThemeHit> hits = m.match(Document.of("1", "Kovykta gas for CNPC", "talks go on"));
        List<ThemeHit> none = m.match(Document.of("2", "Kovykta gas", "no buyer named"));
        //Then
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.themeId()).isEqualTo("query:sub-1");
            assertThat(Query.subscriptionOf(h.themeId())).isEqualTo("sub-1");
            assertThat(h.terms()).extracting(TermHit::term).containsExactly("kovykta", "cnpc");
            assertThat(h.terms().get(1).start()).isEqualTo(16);
        });
        assertThat(none).isEmpty();
        assertThat(Query.subscriptionOf("arms-sales")).isNull();
    }

    @Test
    void shouldRefuseNotsJoinedByAnd() {
        //When
        QueryException bothAbsent = refused("NOT gas NOT oil");
        //Then
        assertThat(bothAbsent.problem()).startsWith("the query is too broad");
    }

    @Test
    void shouldMatchTitleScopesRussianAndChineseTermsAndExclusionsAsAThemeRuleDoes() throws QueryException {
        //Given
        Query q = Query.parse("(title:\"power of siberia\" OR газопровод OR 天然气) AND NOT football", LEXICON);
        Matcher m = Matcher.of(List.of(q.toTheme("sub-2", "gas routes")));
        //Then
        assertThat(m.match(Document.of("a", "Power of Siberia talks", ""))).hasSize(1);
        assertThat(m.match(Document.of("b", "Новости", "Газопровод строится"))).hasSize(1);
        assertThat(m.match(Document.of("c", "中俄天然气合作", ""))).hasSize(1);
        assertThat(m.match(Document.of("d", "Power of Siberia football", ""))).isEmpty();
        assertThat(m.match(Document.of("e", "News", "power of siberia in the body"))).isEmpty();
    }
}
