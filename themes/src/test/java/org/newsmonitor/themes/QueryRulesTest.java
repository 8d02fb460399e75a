package org.newsmonitor.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.QueryRules.InvalidQueryException;

class QueryRulesTest {

    private static InvalidQueryException refused(String query) {
        return assertThrows(InvalidQueryException.class, () -> QueryRules.parse(query, Lexicon.empty()));
    }

    @Test
    void refusesAnEmptyQuery() {
        assertEquals("the query is empty", refused("   ").problem());
        assertEquals("the query is empty", refused(null).problem());
    }

    @Test
    void refusesAQueryOverTenThousandCharacters() {
        InvalidQueryException e = refused("gas ".repeat(2_501));
        assertEquals(10_001, e.position());
        assertTrue(e.problem().contains("10,004 characters"), e.problem());
    }

    @Test
    void refusesALoneShortPrefixNamingItsPosition() {
        InvalidQueryException e = refused("pipeline AND ga*");
        assertEquals(14, e.position());
        assertTrue(e.problem().startsWith("too broad: the prefix 'ga*'"), e.problem());
    }

    @Test
    void acceptsAThreeLetterPrefixAndAShortPrefixInsideAPhrase() throws Exception {
        QueryRules.parse("gaz* OR \"power of si*\"", Lexicon.empty());
    }

    @Test
    void refusesANotAlone() {
        assertTrue(refused("NOT gas").problem().startsWith("too broad"));
        assertTrue(refused("NOT gas NOT oil").problem().startsWith("too broad"));
        assertTrue(refused("pipeline OR NOT gas").problem().startsWith("too broad"));
    }

    @Test
    void refusesTooManyTerms() {
        StringBuilder q = new StringBuilder("w0");
        for (int i = 1; i <= QueryRules.MAX_TERMS; i++) {
            q.append(" OR w").append(i);
        }
        assertTrue(refused(q.toString()).problem().startsWith("too expensive: 501 terms"));
    }

    @Test
    void syntaxErrorsNameThePosition() {
        InvalidQueryException e = refused("gas AND (oil");
        assertEquals(9, e.position());
        assertTrue(e.problem().contains("never closed"), e.problem());
    }

    @Test
    void aCompiledQueryMatchesAsAThemeRuleDoes() throws Exception {
        CompiledTheme theme = QueryRules.compile("(title:\"power of siberia\" OR газопровод OR 天然气) AND NOT football",
                Lexicon.empty());
        Matcher matcher = Matcher.of(List.of(theme));
        assertEquals(1, matcher.match(Document.of("a", "Power of Siberia talks", "")).size());
        assertEquals(1, matcher.match(Document.of("b", "Новости", "Газопровод строится")).size());
        assertEquals(1, matcher.match(Document.of("c", "中俄天然气合作", "")).size());
        assertEquals(0, matcher.match(Document.of("d", "Power of Siberia football", "")).size());
        assertEquals(0, matcher.match(Document.of("e", "News", "power of siberia in the body")).size());
        assertEquals(QueryRules.THEME_ID, matcher.match(Document.of("a", "Power of Siberia", "")).get(0).themeId());
    }
}
