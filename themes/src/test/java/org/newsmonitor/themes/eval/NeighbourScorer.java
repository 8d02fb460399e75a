package org.newsmonitor.themes.eval;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A k-nearest-neighbour theme scorer over labelled articles, built on Lucene's classification module: one in-memory
 * index per language (English stemmed, Russian stemmed, Chinese as CJK bigrams), an article's neighbours found with
 * a MoreLikeThis query in its own language, and a theme's score the similarity-weighted share of neighbours that
 * carry it. The neighbours are the explanation. For the experiment in {@link ScorerExperiment}; not used by the
 * matcher.
 */
final class NeighbourScorer {
    static final String NO_THEME = "none";
    private static final String TEXT = "text";
    private static final String LABEL = "label";
    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final int MIN_DOC_FREQ = 2;
    private static final int MIN_TERM_FREQ = 1;

    /**
     * A labelled article near the scored one.
     *
     * @param id         article id
     * @param title      headline
     * @param labels     its themes; {@code [none]} for a negative
     * @param similarity the MoreLikeThis score
     */
    record Neighbour(String id, String title, List<String> labels, float similarity) {
    }

    /**
     * The scorer's answer for one article.
     *
     * @param themes     score per theme (0 to 1), for themes that some neighbour carries
     * @param neighbours the nearest labelled articles, nearest first
     */
    record Scores(Map<String, Double> themes, List<Neighbour> neighbours) {
        double of(String theme) {
            return themes.getOrDefault(theme, 0.0);
        }

        /** Ids and titles of the neighbours that carry {@code theme}: why the scorer added it. */
        List<String> why(String theme) {
            return neighbours.stream().filter(n -> n.labels().contains(theme))
                    .map(n -> n.id() + " \"" + n.title() + "\"").toList();
        }
    }

    private final Map<String, Neighbours> byLanguage;

    private NeighbourScorer(Map<String, Neighbours> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** Indexes {@code training} by language and keeps {@code k} neighbours per scored article. */
    static NeighbourScorer train(List<LabelledArticle> training, int k) {
        Map<String, Supplier<Analyzer>> analyzers = new LinkedHashMap<>();
        analyzers.put("en", EnglishAnalyzer::new);
        analyzers.put("ru", RussianAnalyzer::new);
        analyzers.put("zh", CJKAnalyzer::new);
        Map<String, Neighbours> byLanguage = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Supplier<Analyzer>> e : analyzers.entrySet()) {
                List<LabelledArticle> part = training.stream().filter(a -> languageOf(a).equals(e.getKey()))
                        .toList();
                if (!part.isEmpty()) {
                    byLanguage.put(e.getKey(), Neighbours.index(part, e.getValue().get(), k));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the training articles", e);
        }
        return new NeighbourScorer(byLanguage);
    }

    /** The scores of {@code article} against the training articles of its language. */
    Scores score(LabelledArticle article) {
        Neighbours n = byLanguage.get(languageOf(article));
        if (n == null) {
            return new Scores(Map.of(), List.of());
        }
        try {
            return n.score(textOf(article));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot score article " + article.id(), e);
        }
    }

    /**
     * The sentence of {@code article} (its headline counts as one) whose own neighbours weigh {@code theme} most:
     * the part of the text that carried an added theme. Empty when the article has no text.
     */
    String carryingSentence(LabelledArticle article, String theme) {
        Neighbours n = byLanguage.get(languageOf(article));
        String best = "";
        double bestScore = -1;
        List<String> sentences = new ArrayList<>();
        sentences.add(article.title());
        sentences.addAll(sentences(article.summary() + " " + article.content()));
        try {
            for (String sentence : sentences) {
                double score = n == null || sentence.isBlank() ? 0 : n.score(sentence).of(theme);
                if (score > bestScore) {
                    best = sentence;
                    bestScore = score;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot score the sentences of article " + article.id(), e);
        }
        return best;
    }

    /** {@code text} cut into sentences, in order, trimmed, blank ones left out. */
    static List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).trim();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    /** The article's language as labelled, else guessed from its script: Cyrillic is Russian, Han is Chinese. */
    static String languageOf(LabelledArticle a) {
        if (!a.language().isBlank()) {
            return a.language();
        }
        String text = textOf(a);
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.CYRILLIC) {
                return "ru";
            }
            if (script == Character.UnicodeScript.HAN) {
                return "zh";
            }
        }
        return "en";
    }

    private static String textOf(LabelledArticle a) {
        return a.title() + "\n" + a.summary() + "\n" + a.content();
    }

    /** Lucene's kNN classifier over one language's index, opened up to return the neighbours with the scores. */
    private static final class Neighbours extends KNearestNeighborClassifier {

        private Neighbours(IndexReader reader, Analyzer analyzer, int k) throws IOException {
            super(reader, new BM25Similarity(), analyzer, null, k, MIN_DOC_FREQ, MIN_TERM_FREQ, LABEL, TEXT);
        }

        static Neighbours index(List<LabelledArticle> articles, Analyzer analyzer, int k) throws IOException {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (LabelledArticle a : articles) {
                    Document doc = new Document();
                    doc.add(new StoredField(ID, a.id()));
                    doc.add(new StoredField(TITLE, a.title()));
                    doc.add(new TextField(TEXT, textOf(a), Field.Store.NO));
                    for (String label : a.labels().isEmpty() ? List.of(NO_THEME) : a.labels()) {
                        doc.add(new StringField(LABEL, label, Field.Store.YES));
                    }
                    writer.addDocument(doc);
                }
            }
            return new Neighbours(DirectoryReader.open(dir), analyzer, k);
        }

        Scores score(String text) throws IOException {
            Query like = mlt.like(TEXT, new StringReader(text));
            TopDocs top = indexSearcher.search(like, k);
            if (top.scoreDocs.length == 0) {
                return new Scores(Map.of(), List.of());
            }
            Map<String, Double> themes = new LinkedHashMap<>();
            for (ClassificationResult<BytesRef> r : buildListFromTopDocs(top)) {
                String label = r.getAssignedClass().utf8ToString();
                if (!label.equals(NO_THEME)) {
                    themes.put(label, r.getScore());
                }
            }
            List<Neighbour> neighbours = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = indexSearcher.storedFields().document(sd.doc);
                neighbours.add(new Neighbour(d.get(ID), d.get(TITLE), List.of(d.getValues(LABEL)), sd.score));
            }
            return new Scores(themes, neighbours);
        }
    }
}
