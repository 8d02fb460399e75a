package org.newsmonitor.benchmarks;

import org.newsmonitor.alerts.search.ArticleFields;
import org.newsmonitor.alerts.search.TokenizerAnalyzer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.ScoringMatch;
import org.apache.lucene.search.Query;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Document;

/** The baseline: the same themes as queries in a Lucene monitor, with the weight check done on the scores. */
final class LuceneThemeMonitor implements Closeable {
    private static final double EPSILON = 1e-4;

    static {
        // a rule word becomes one clause per field; the catalog's larger rules exceed Lucene's default of 1024
        org.apache.lucene.search.IndexSearcher.setMaxClauseCount(1 << 16);
    }

    private final Monitor monitor;
    private final List<CompiledTheme> themes;

    LuceneThemeMonitor(List<CompiledTheme> themes) {
        this.themes = List.copyOf(themes);
        try {
            monitor = new Monitor(new TokenizerAnalyzer());
            List<MonitorQuery> queries = new ArrayList<>();
            for (CompiledTheme t : themes) {
                queries.add(new MonitorQuery(t.id() + LuceneQueries.POSITIVE, LuceneQueries.positive(t)));
                Query negative = LuceneQueries.negative(t);
                if (negative != null) {
                    queries.add(new MonitorQuery(t.id() + LuceneQueries.NEGATIVE, negative));
                }
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of the themes that match, in catalog order. */
    Set<String> match(Document doc) {
        MatchingQueries<ScoringMatch> matches = rawMatch(doc);
        Set<String> out = new LinkedHashSet<>();
        for (CompiledTheme t : themes) {
            ScoringMatch pos = matches.matches(t.id() + LuceneQueries.POSITIVE);
            if (pos == null) {
                continue;
            }
            ScoringMatch neg = matches.matches(t.id() + LuceneQueries.NEGATIVE);
            double score = pos.getScore() - (neg == null ? 0 : neg.getScore());
            if (score >= t.minScore() - EPSILON) {
                out.add(t.id());
            }
        }
        return out;
    }

    /** Runs the monitor only (what the benchmark times, together with the score check). */
    MatchingQueries<ScoringMatch> rawMatch(Document doc) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        d.add(new TextField(ArticleFields.TITLE, doc.title(), Field.Store.NO));
        d.add(new TextField(ArticleFields.SUMMARY, doc.summary(), Field.Store.NO));
        d.add(new TextField(ArticleFields.CONTENT, doc.content(), Field.Store.NO));
        try {
            MatchingQueries<ScoringMatch> m = monitor.match(d, ScoringMatch.DEFAULT_MATCHER);
            if (!m.getErrors().isEmpty()) {
                throw new IllegalStateException("Lucene monitor query errors: " + m.getErrors());
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
