package org.newsmonitor.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsmonitor.themes.Polarity;
import org.newsmonitor.themes.Query;
import org.newsmonitor.themes.QueryException;
import org.newsmonitor.themes.TermHit;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;

class QueryHitsTest {

    private static SubscriptionQuery query(String id, List<String> themes) throws QueryException {
        return new SubscriptionQuery(id, themes, Query.parse("gazprom", ThemeFiles.bundledLexicon()).toTheme(id, id));
    }

    private static ThemeHit hit(String themeId, double score) {
        return new ThemeHit(themeId, themeId, Polarity.MIXED, score,
                List.of(new TermHit("gazprom", "title", 0, 7)), "");
    }

    @Test
    void shouldKeepThemeHitsAndQueryHitsWhoseThemesAlsoMatchedWithTheBestThemeScore() throws QueryException {
        //Given
        TreeMap<String, SubscriptionQuery> queries = new TreeMap<>();
        queries.put("alone", query("alone", List.of()));
        queries.put("both", query("both", List.of("power-of-siberia", "arms-sales")));
        queries.put("other", query("other", List.of("eeu-bri-friction")));
        QuerySnapshot snapshot = new QuerySnapshot(1, queries);
        List<ThemeHit> hits = List.of(hit("power-of-siberia", 6), hit("arms-sales", 8), hit("query:alone", 1),
                hit("query:both", 1), hit("query:other", 1), hit("query:deleted", 1));
        //When
        List<ThemeHit> kept = QueryHits.select(hits, snapshot);
        //Then
        assertThat(kept).extracting(ThemeHit::themeId)
                .containsExactly("power-of-siberia", "arms-sales", "query:alone", "query:both");
        assertThat(kept.get(2).score()).isEqualTo(1.0);
        assertThat(kept.get(3).score()).isEqualTo(8.0);
        assertThat(kept.get(3).terms()).extracting(TermHit::term).containsExactly("gazprom");
    }
}
