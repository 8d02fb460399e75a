package org.newsmonitor.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Expr;
import org.newsmonitor.themes.Rule;

/** The distinct terms used by a set of themes (rules and require), for generating realistic text and rules. */
final class ThemeTerms {

    private ThemeTerms() {
    }

    /** Every distinct term of the themes, in first-seen order. */
    static List<Expr.Term> of(List<CompiledTheme> themes) {
        Set<Expr.Term> out = new LinkedHashSet<>();
        for (CompiledTheme t : themes) {
            for (Rule r : t.rules()) {
                collect(r.expression(), out);
            }
            if (t.require() != null) {
                collect(t.require(), out);
            }
        }
        List<Expr.Term> unscoped = new ArrayList<>();
        Set<List<Expr.Part>> seen = new LinkedHashSet<>();
        for (Expr.Term term : out) {
            if (seen.add(term.parts())) {
                unscoped.add(term);
            }
        }
        return unscoped;
    }

    private static void collect(Expr e, Set<Expr.Term> out) {
        if (e instanceof Expr.Term t) {
            out.add(t);
        } else if (e instanceof Expr.And a) {
            a.children().forEach(c -> collect(c, out));
        } else if (e instanceof Expr.Or o) {
            o.children().forEach(c -> collect(c, out));
        } else if (e instanceof Expr.Not n) {
            collect(n.child(), out);
        } else if (e instanceof Expr.Near n) {
            collect(n.left(), out);
            collect(n.right(), out);
        }
    }
}
