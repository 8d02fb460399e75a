package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        assertThat(d.atoms().occursAt(0, 0)).isTrue();
        assertThat(d.atoms().occursAt(1, 1)).isTrue();
        assertThat(d.atoms().occursAt(3, 1)).isTrue();
        assertThat(d.atoms().occursAt(0, 3)).isFalse();
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
        assertThat(d.atoms().seenCount()).isEqualTo(5_000);
    }

    @Test
    void shouldAgreeWithAHashMapWhenWordsAndTokensAreRandomInManyScripts() {
        //Given words in Latin, Cyrillic, CJK and other scripts, and tokens that are those words, their plurals,
        // their stems and unrelated strings
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> words = new HashMap<>();
            int size = 1 + random.nextInt(round < 100 ? 20 : 2_000);
            while (words.size() < size) {
                words.putIfAbsent(randomWord(random), words.size());
            }
            List<String> known = new ArrayList<>(words.keySet());
            WordTable table = new WordTable(words);
            DocState d = new DocState(words.size(), 1, 1, 1, 0);
            d.reset();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String w = known.get(random.nextInt(known.size()));
                tokens.add(switch (random.nextInt(6)) {
                    case 0 -> w;
                    case 1 -> w + "s";
                    case 2 -> w + "es";
                    case 3 -> w.substring(0, random.nextInt(w.length() + 1));
                    case 4 -> w + randomWord(random);
                    default -> randomWord(random);
                });
            }
            //When
            for (String t : tokens) {
                look(table, d, t);
            }
            //Then every token holds exactly the atoms the map gives for it and its plural folds
            Map<Integer, List<Integer>> expectedHits = new HashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                int exact = words.getOrDefault(t, -1);
                int dropS = t.length() > 1 && t.endsWith("s") ? words.getOrDefault(t.substring(0, t.length() - 1), -1)
                        : -1;
                int dropEs = t.length() > 2 && t.endsWith("es")
                        ? words.getOrDefault(t.substring(0, t.length() - 2), -1) : -1;
                for (int atom : new int[] {exact, dropS, dropEs}) {
                    if (atom >= 0) {
                        expectedHits.computeIfAbsent(atom, a -> new ArrayList<>()).add(i);
                    }
                }
            }
            for (int atom = 0; atom < words.size(); atom++) {
                List<Integer> expected = expectedHits.getOrDefault(atom, List.of());
                List<Integer> actual = new ArrayList<>();
                for (int k = 0; k < d.count(atom); k++) {
                    actual.add(d.hits(atom)[k]);
                }
                assertThat(actual).as("hits of %s", known.get(atom)).isEqualTo(expected);
            }
        }
    }

    private static final String[] ALPHABETS = {"abcdefghijklmnopqrstuvwxyz", "esss", "0123456789",
        "абвгдеежзийклмнопрстуфхцчшщъыьэюя", "中俄国部会学议", "ひらカタ한국", "éèçøåßłđı", "\u0301\u0308", "\uD83D\uDE00"};

    private static String randomWord(Random random) {
        StringBuilder b = new StringBuilder();
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
            }
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static void look(WordTable table, DocState d, String token) {
        table.lookup(token.toCharArray(), token.length(), d.addToken(Field.CONTENT, 0, token.length()), d);
    }
}
