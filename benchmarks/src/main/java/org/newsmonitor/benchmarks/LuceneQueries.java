package org.newsmonitor.benchmarks;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.newsmonitor.alerts.search.ExprQuery;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Rule;

/**
 * Translates compiled theme rules into Lucene queries over the fields title, summary and content; each rule
 * expression is translated by the archive search's {@link ExprQuery} (see there for each construct).
 *
 * <p>Weights: Lucene has no "sum of rule weights ≥ minScore". We express a theme as two queries whose scores are
 * exact sums: "positive" = require as a FILTER plus each positive rule as a constant-score SHOULD clause boosted
 * by its weight; "negative" = each negative rule boosted by its absolute weight. The theme matches when the
 * positive query matches and its score minus the negative query's score reaches minScore (checked after
 * matching, as a Lucene monitor user would with a scoring matcher).
 */
final class LuceneQueries {
    static final String POSITIVE = "#pos";
    static final String NEGATIVE = "#neg";

    private LuceneQueries() {
    }

    /** The positive query of a theme (require as filter, positive rules boosted by weight). */
    static Query positive(CompiledTheme theme) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (theme.require() != null) {
            b.add(bool(theme.require()), Occur.FILTER);
        }
        for (Rule r : theme.rules()) {
            if (r.weight() > 0) {
                b.add(new BoostQuery(new ConstantScoreQuery(bool(r.expression())), (float) r.weight()), Occur.SHOULD);
            }
        }
        return b.setMinimumNumberShouldMatch(1).build();
    }

    /** The negative query of a theme, or null when it has no negative rules. */
    static Query negative(CompiledTheme theme) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (Rule r : theme.rules()) {
            if (r.weight() < 0) {
                b.add(new BoostQuery(new ConstantScoreQuery(bool(r.expression())), (float) -r.weight()), Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : b.build();
    }

    /** A rule expression as a boolean query: the archive search's translation, so both agree with the matcher. */
    static Query bool(Expr e) {
        return ExprQuery.of(e);
    }
}
