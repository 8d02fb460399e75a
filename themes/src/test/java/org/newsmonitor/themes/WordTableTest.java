package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {

    @Test
    void shouldFindWordAndPluralFoldsWhenTokenEndsInSOrEs() {
        //Given
        Map<String, Integer> words = Map.of("gas", 0, "pipeline", 1, "газ", 2, "pipelines", 3);
        WordTable table = new WordTable(words);
        DocState d = new DocState(4, 1, 1, 1, 0);
        d.reset();
        //When
        look(table, d, "gases");
        look(table, d, "pipelines");
        look(table, d, "газ");
        look(table, d, "gasket");
        //Then: "gases" is gas (by -es); "pipelines" is itself and pipeline (by -s)
        assertThat(d.count(0)).isEqualTo(1);
        assertThat(d.hits(0)[0]).isEqualTo(0);
        assertThat(d.count(1)).isEqualTo(1);
        assertThat(d.count(3)).isEqualTo(1);
        assertThat(d.count(2)).isEqualTo(1);
        assertThat(d.wordAt(0, 0)).isTrue();
        assertThat(d.wordAt(1, 1)).isTrue();
        assertThat(d.wordAt(3, 1)).isTrue();
        assertThat(d.wordAt(0, 3)).isFalse();
    }

    @Test
    void shouldFindEveryWordAndNothingElseWhenTableIsLarge() {
        //Given: many words of similar shape, so that probes collide
        Map<String, Integer> words = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            words.put("w" + Integer.toString(i), i);
        }
        WordTable table = new WordTable(words);
        DocState d = new DocState(words.size(), 1, 1, 1, 0);
        d.reset();
        //When
        for (int i = 0; i < 5_000; i++) {
            look(table, d, "w" + Integer.toString(i));
            look(table, d, "x" + Integer.toString(i));
        }
        //Then
        for (int i = 0; i < 5_000; i++) {
            assertThat(d.count(i)).as("w%s", Integer.toString(i)).isEqualTo(1);
        }
        assertThat(d.touchedCount).isEqualTo(5_000);
    }

    private static void look(WordTable table, DocState d, String token) {
        table.lookup(token, d.addToken(DocState.CONTENT, 0, token.length()), d);
    }
}
