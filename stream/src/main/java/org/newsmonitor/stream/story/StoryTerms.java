package org.newsmonitor.stream.story;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.newsmonitor.themes.TextTokenizer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The terms that story clustering compares, as 64-bit hashes whose two low bits say the kind of term
 * ({@link #WORD}, {@link #NUMBER}, {@link #TITLE_NUMBER}). Text is split by the themes' {@link TextTokenizer} (so
 * rules and stories agree on what a word is); English and Russian stop words and words of one letter are dropped,
 * the rest is stemmed with the Snowball stemmer of its script (so "signs", "signed" and "signing" are one term, and
 * so are «контракт» and «контракта»). A number is a term of its own, by its leading digits ("14th" is 14). Han,
 * Kana and Hangul characters give a term each and one for each two adjacent ones. The agency dateline that opens a
 * lede ("MOSCOW, March 2 (Reuters) -", "/TASS/.", "INTERFAX -", "新华社北京3月2日电") is not compared: every story of
 * the day shares it. Not thread-safe (the stemmers keep state): one instance per thread.
 */
public final class StoryTerms {
    /** Kind of a term: a word stem. */
    public static final int WORD = 0;
    /** Kind of a term: a number anywhere in the text. */
    public static final int NUMBER = 1;
    /** Kind of a term: a number in the title (it also counts as a {@link #NUMBER}). */
    public static final int TITLE_NUMBER = 2;
    private static final long KIND_MASK = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Pattern DATELINE = Pattern.compile(
            "^[^\\n]{0,80}?(?:\\(\\p{L}+\\)\\s+-{1,2}|/\\p{L}+/\\.|\\p{Lu}{4,}\\s+[-\u2013\u2014]|电\\s)");
    private static final Pattern LEADING_DIGITS = Pattern.compile("^\\d+");
    private static final Pattern YEAR = Pattern.compile("^(?:19|20)\\d\\d$");
    private static final Set<String> AGENCY_WORDS = Set.of("said", "says", "say", "told", "reported", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "reuters", "tass", "interfax",
            "xinhua", "сообщил", "сообщила", "сообщило", "сообщили", "заявил", "заявила", "тасс", "интерфакс");
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();

    private final SnowballStemmer english = new EnglishStemmer();
    private final SnowballStemmer russian = new RussianStemmer();

    /** Receives terms. */
    @FunctionalInterface
    public interface Sink {
        /** One term hash; its kind is {@code hash & 3}. */
        void term(long hash);
    }

    /** The kind of a term hash. */
    public static int kind(long hash) {
        return (int) (hash & KIND_MASK);
    }

    /** Feeds the terms of a title and a lede to {@code sink}, repeats included; null text gives none. */
    public void terms(String title, String lede, Sink sink) {
        add(title, true, sink);
        add(withoutDateline(lede), false, sink);
    }

    /** The lede without the agency dateline it opens with, if any. */
    static String withoutDateline(String lede) {
        if (lede == null) {
            return null;
        }
        Matcher m = DATELINE.matcher(lede);
        return m.find() ? lede.substring(m.end()) : lede;
    }

    private void add(String text, boolean title, Sink sink) {
        if (text == null) {
            return;
        }
        List<TextTokenizer.Token> tokens = TextTokenizer.tokens(text);
        TextTokenizer.Token previousCjk = null;
        for (TextTokenizer.Token token : tokens) {
            String word = token.text();
            int first = word.codePointAt(0);
            if (isCjk(first)) {
                sink.term(hash(word, WORD));
                if (previousCjk != null && previousCjk.end() == token.start()) {
                    sink.term(hash(previousCjk.text() + word, WORD));
                }
                previousCjk = token;
                continue;
            }
            previousCjk = null;
            if (Character.isDigit(first)) {
                Matcher digits = LEADING_DIGITS.matcher(word);
                String number = digits.find() ? digits.group() : word;
                sink.term(hash(number, NUMBER));
                if (title && !YEAR.matcher(number).matches()) {
                    sink.term(hash(number, TITLE_NUMBER));
                }
            } else if (word.length() > 1 && !ENGLISH_STOP.contains(word) && !RUSSIAN_STOP.contains(word)
                    && !AGENCY_WORDS.contains(word)) {
                sink.term(hash(stem(word, first), WORD));
            }
        }
    }

    private String stem(String word, int first) {
        SnowballStemmer stemmer = Character.UnicodeScript.of(first) == Character.UnicodeScript.CYRILLIC
                ? russian : english;
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** 64-bit FNV-1a over the UTF-16 code units of {@code s}, its two low bits replaced by {@code kind}. */
    static long hash(String s, int kind) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        h ^= h >>> 29;
        return (h & ~KIND_MASK) | kind;
    }
}
