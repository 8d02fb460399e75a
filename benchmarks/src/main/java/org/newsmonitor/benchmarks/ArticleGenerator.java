package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Expr;

/**
 * Deterministic, realistic-looking articles of about 3 KB: neutral news text in English, Russian or Chinese with
 * theme terms (in the article's script) and invented names mixed in, so that some articles match some themes.
 */
final class ArticleGenerator {
    /** Target size of title + summary + content, in characters. */
    static final int ARTICLE_CHARS = 3_000;

    private final Random random;
    private final List<String> latinTerms = new ArrayList<>();
    private final List<String> cyrillicTerms = new ArrayList<>();
    private final List<String> cjkTerms = new ArrayList<>();
    private final List<String> names;

    ArticleGenerator(long seed, List<Expr.Term> themeTerms, List<String> names) {
        this.random = new Random(seed);
        this.names = names;
        for (Expr.Term t : themeTerms) {
            String text = render(t);
            int cp = text.codePointAt(0);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillicTerms.add(text);
            } else if (script == Character.UnicodeScript.HAN) {
                cjkTerms.add(text);
            } else {
                latinTerms.add(text);
            }
        }
    }

    /** {@code count} articles; the same seed gives the same articles. */
    List<Document> generate(int count) {
        List<Document> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lang = random.nextInt(10);
            docs.add(lang < 7 ? article(i, Vocabulary.ENGLISH, latinTerms, " ", "en")
                    : lang < 9 ? article(i, Vocabulary.RUSSIAN, cyrillicTerms, " ", "ru")
                    : article(i, Vocabulary.CHINESE, cjkTerms, "", "zh"));
        }
        return docs;
    }

    private Document article(int n, List<String> neutral, List<String> terms, String space, String lang) {
        // a third of the articles are on-topic (dense in theme terms), the rest mention them in passing
        double termRate = random.nextInt(3) == 0 ? 0.08 : 0.015;
        String title = sentence(neutral, terms, space, 6 + random.nextInt(5), termRate * 2);
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            summary.append(sentence(neutral, terms, space, 12 + random.nextInt(10), termRate)).append(' ');
        }
        StringBuilder content = new StringBuilder();
        int budget = ARTICLE_CHARS - title.length() - summary.length();
        while (content.length() < budget) {
            content.append(sentence(neutral, terms, space, 10 + random.nextInt(15), termRate)).append(' ');
        }
        return new Document("gen-" + n, title, summary.toString().strip(), content.toString().strip(), lang);
    }

    private String sentence(List<String> neutral, List<String> terms, String space, int words, double termRate) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            double roll = random.nextDouble();
            String word;
            if (roll < termRate && !terms.isEmpty()) {
                word = terms.get(random.nextInt(terms.size()));
            } else if (roll < termRate + 0.01) {
                word = capitalize(names.get(random.nextInt(names.size())));
            } else {
                word = neutral.get(random.nextInt(neutral.size()));
            }
            if (w > 0) {
                sb.append(random.nextInt(12) == 0 && !space.isEmpty() ? ", " : space);
            }
            sb.append(w == 0 ? capitalize(word) : word);
        }
        return sb.append(space.isEmpty() ? "。" : ".").toString();
    }

    // a term as it might appear in text: prefixes get a plausible ending
    private String render(Expr.Term t) {
        StringBuilder sb = new StringBuilder();
        for (Expr.Part p : t.parts()) {
            if (!sb.isEmpty() && !isCjk(p.text())) {
                sb.append(' ');
            }
            sb.append(p.text());
            if (p.prefix()) {
                sb.append(ending(p.text()));
            }
        }
        return sb.toString();
    }

    private String ending(String stem) {
        Character.UnicodeScript script = Character.UnicodeScript.of(stem.codePointAt(0));
        String[] endings = script == Character.UnicodeScript.CYRILLIC ? new String[] {"", "а", "ов", "ой", "ии"}
                : new String[] {"", "s", "ing", "ed", "er"};
        return endings[random.nextInt(endings.length)];
    }

    private static boolean isCjk(String s) {
        return Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
