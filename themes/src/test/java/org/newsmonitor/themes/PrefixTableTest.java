package org.newsmonitor.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixTableTest {

    @Test
    void shouldHitEveryPrefixATokenStartsWithWhenPrefixesNest() {
        //Given
        Map<String, Integer> prefixes = Map.of("6", 0, "pipe", 1, "pipeline", 2, "газопровод", 3, "中", 4);
        PrefixTable table = new PrefixTable(prefixes);
        DocState d = new DocState(5, 1, 1, 1, 0);
        d.reset();
        //When
        walk(table, d, "pipelines");
        walk(table, d, "pip");
        walk(table, d, "600");
        walk(table, d, "газопроводы");
        walk(table, d, "中");
        walk(table, d, "pipe");
        //Then
        assertThat(d.count(1)).isEqualTo(2);
        assertThat(d.hits(1)[0]).isEqualTo(0);
        assertThat(d.hits(1)[1]).isEqualTo(5);
        assertThat(d.count(2)).isEqualTo(1);
        assertThat(d.count(0)).isEqualTo(1);
        assertThat(d.hits(0)[0]).isEqualTo(2);
        assertThat(d.count(3)).isEqualTo(1);
        assertThat(d.count(4)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEmptyPrefixWhenBuilt() {
        //Given //When //Then
        assertThatThrownBy(() -> new PrefixTable(Map.of("", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty prefix");
    }

    @Test
    void shouldHitNothingWhenThereAreNoPrefixes() {
        //Given
        PrefixTable table = new PrefixTable(Map.of());
        DocState d = new DocState(1, 1, 1, 1, 0);
        d.reset();
        //When
        walk(table, d, "anything");
        //Then
        assertThat(d.atoms().seenCount()).isZero();
    }

    @Test
    void shouldAgreeWithStartsWithWhenPrefixesAndTokensAreRandomInManyScripts() {
        //Given
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> prefixes = new HashMap<>();
            int size = 1 + random.nextInt(round < 100 ? 10 : 1_500);
            while (prefixes.size() < size) {
                prefixes.putIfAbsent(randomWord(random), prefixes.size());
            }
            List<String> known = new ArrayList<>(prefixes.keySet());
            PrefixTable table = new PrefixTable(prefixes);
            DocState d = new DocState(prefixes.size(), 1, 1, 1, 0);
            d.reset();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String p = known.get(random.nextInt(known.size()));
                tokens.add(switch (random.nextInt(4)) {
                    case 0 -> p;
                    case 1 -> p + randomWord(random);
                    case 2 -> p.substring(0, random.nextInt(p.length()) + 1);
                    default -> randomWord(random);
                });
            }
            //When
            for (String t : tokens) {
                walk(table, d, t);
            }
            //Then
            for (String prefix : known) {
                int atom = prefixes.get(prefix);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    if (tokens.get(i).startsWith(prefix)) {
                        expected.add(i);
                    }
                }
                List<Integer> actual = new ArrayList<>();
                for (int k = 0; k < d.count(atom); k++) {
                    actual.add(d.hits(atom)[k]);
                }
                assertThat(actual).as("hits of %s", prefix).isEqualTo(expected);
            }
        }
    }

    private static final String[] ALPHABETS = {"abcdefghijklmnopqrstuvwxyz", "ab", "0123456789",
        "абвгдеежзийклмнопрстуфхцчшщъыьэюя", "中俄国部会学议", "ひらカタ한국", "éèçøåßłđı", "\u0301\u0308", "\uD83D\uDE00"};

    private static String randomWord(Random random) {
        StringBuilder b = new StringBuilder();
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 6);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
            }
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static void walk(PrefixTable table, DocState d, String token) {
        table.walk(token.toCharArray(), token.length(), d.addToken(Field.CONTENT, 0, token.length()), d);
    }
}
