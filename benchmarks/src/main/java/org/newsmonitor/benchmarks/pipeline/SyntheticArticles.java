package org.newsmonitor.benchmarks.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.newsmonitor.contracts.event.ArticleEvent;

/**
 * Deterministic generator of distinct articles of about 3 KB: neutral filler text (titles and summaries differ, so
 * each article is its own story), with every second article opening with a sentence the bundled theme catalog
 * matches.
 */
final class SyntheticArticles {
    /** Sentences that each match one bundled theme. */
    static final List<String> THEME_SENTENCES = List.of(
            "Gazprom and CNPC discussed Power of Siberia 2 gas volumes and the price formula",
            "Russian S-400 deliveries to China were completed ahead of schedule, Rosoboronexport said",
            "Xi Jinping and Vladimir Putin met in Moscow for a state visit and signed a joint statement",
            "Rosneft raised crude oil exports to China through the ESPO pipeline",
            "Russian and Chinese navies held joint naval exercises in the Sea of Japan",
            "Moscow and Beijing settled more bilateral trade in yuan and rubles instead of dollars",
            "the United States sanctioned Chinese firms for supplying dual-use microchips to Russia");
    private static final String[] NEUTRAL = ("harbour ferry timetable winter season council library garden bridge "
            + "festival orchestra museum weather rain morning evening district school teacher student bakery market "
            + "football league match coach stadium river valley mountain trail bicycle route tram station platform "
            + "concert theatre painter novel author poetry reading hall village town square fountain clock tower "
            + "recipe kitchen bread cheese apple harvest farmer cattle meadow forest lake island coast lighthouse "
            + "volunteer charity hospital nurse clinic pharmacy swimming pool marathon runner record medal ceremony "
            + "schedule delay repair roadworks traffic signal parking permit residents meeting vote budget park "
            + "playground renovation heritage building architect design exhibition gallery visitors weekend holiday")
            .split(" ");
    private static final int CONTENT_CHARS = 2600;

    private final long seed;
    private int nextIndex;

    SyntheticArticles(long seed) {
        this.seed = seed;
    }

    /** True when the article at this index carries a theme sentence. */
    static boolean mentionsTheme(int index) {
        return index % 2 == 0;
    }

    /** The next article of the sequence; distinct from all earlier ones. */
    synchronized ArticleEvent next(String id, Instant publishedAt) {
        return article(id, nextIndex++, publishedAt);
    }

    /** The article at this index; the same index and seed always give the same text. */
    ArticleEvent article(String id, int index, Instant publishedAt) {
        Random random = new Random(seed * 1_000_003L + index);
        String title = sentence(random, 8);
        StringBuilder content = new StringBuilder(CONTENT_CHARS + 200);
        if (mentionsTheme(index)) {
            String theme = THEME_SENTENCES.get((index / 2) % THEME_SENTENCES.size());
            content.append(theme).append(". ");
        }
        while (content.length() < CONTENT_CHARS) {
            content.append(sentence(random, 10 + random.nextInt(8))).append(". ");
        }
        return ArticleEvent.of(id, "bench-feed", "Bench desk", "https://bench.example/" + id, title,
                sentence(random, 30), content.toString().strip(), "en", publishedAt, publishedAt, List.of("bench"));
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = NEUTRAL[random.nextInt(NEUTRAL.length)];
            s.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(i + 1 < words ? " " : "");
        }
        return s.toString();
    }
}
