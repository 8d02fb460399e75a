package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsmonitor.themes.Document;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeHit;

/** Compares the matched-theme sets of the matcher and the Lucene baseline, article by article. */
final class Equivalence {

    /** An article on which the two engines disagree. */
    record Difference(String articleId, Set<String> matcher, Set<String> lucene) {
        @Override
        public String toString() {
            return articleId + ": matcher " + matcher + ", lucene monitor " + lucene;
        }
    }

    private Equivalence() {
    }

    /** Every article whose matched themes differ between the two engines. */
    static List<Difference> compare(Matcher matcher, LuceneThemeMonitor lucene, List<Document> docs) {
        List<Difference> out = new ArrayList<>();
        for (Document d : docs) {
            Set<String> ours = new LinkedHashSet<>();
            for (ThemeHit h : matcher.match(d)) {
                ours.add(h.themeId());
            }
            Set<String> theirs = lucene.match(d).themes();
            if (!ours.equals(theirs)) {
                out.add(new Difference(d.id(), ours, theirs));
            }
        }
        return out;
    }
}
