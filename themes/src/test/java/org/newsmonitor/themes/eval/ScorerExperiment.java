package org.newsmonitor.themes.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsmonitor.themes.CompiledTheme;
import org.newsmonitor.themes.Matcher;
import org.newsmonitor.themes.ThemeFiles;
import org.newsmonitor.themes.ThemeHit;

/**
 * The experiment of docs/themes.md "Semantic scoring: measured, not kept": a kNN scorer ({@link NeighbourScorer})
 * that may only add a theme the rules missed on an article whose text passes that theme's require line. Trained
 * and thresholded on the tuning part only (5-fold cross-validation); prints the cross-validated figures and the
 * speed; with {@code --held-back}, also the per-theme totals on the held-back part, rules alone against rules plus
 * scorer (totals only: no article of the held-back part is printed). Run from the worktree root:
 *
 * <pre>
 * mvn -B -ntp -o -q -pl themes -am test-compile
 * mvn -B -ntp -o -q -pl themes dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/themes-cp
 * java -cp themes/target/test-classes:themes/target/classes:$(cat /tmp/themes-cp) \
 *     org.newsmonitor.themes.eval.ScorerExperiment [--held-back]
 * </pre>
 */
public final class ScorerExperiment {
    static final int FOLDS = 5;
    static final long SEED = 16L;
    static final int NEIGHBOURS = 7;
    static final double FLOOR = 0.5;

    /** One gated candidate: a theme the rules missed on an article that passed its require line. */
    private record Gated(int article, String theme, int fold, boolean byRules,
            ThresholdChoice.Candidate candidate) {
    }

    private ScorerExperiment() {
    }

    public static void main(String[] args) {
        boolean heldBack = List.of(args).contains("--held-back");
        Matcher matcher = Matcher.of(ThemeFiles.bundledCompiled());
        List<String> themes = matcher.themes().stream().map(CompiledTheme::id).toList();
        List<LabelledArticle> tuning = EvaluationSet.fromResource(EvaluationSet.MAIN);
        int[] fold = FoldSplit.assign(tuning.size(), FOLDS, SEED);
        List<Set<String>> ruleHits = tuning.stream().map(a -> rules(matcher, a)).toList();

        List<Gated> gated = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            List<LabelledArticle> train = new ArrayList<>();
            for (int i = 0; i < tuning.size(); i++) {
                if (fold[i] != held) {
                    train.add(tuning.get(i));
                }
            }
            NeighbourScorer scorer = NeighbourScorer.train(train, NEIGHBOURS);
            for (int i = 0; i < tuning.size(); i++) {
                if (fold[i] != held) {
                    continue;
                }
                LabelledArticle a = tuning.get(i);
                NeighbourScorer.Scores s = null;
                for (String theme : themes) {
                    boolean byRules = ruleHits.get(i).contains(theme);
                    // the rules' own hits are kept as positives to place the threshold; only misses can be added
                    if (byRules && !a.isLabelled(theme) || !requireHolds(matcher, a, theme)) {
                        continue;
                    }
                    s = s == null ? scorer.score(a) : s;
                    gated.add(new Gated(i, theme, f, byRules,
                            new ThresholdChoice.Candidate(s.of(theme), a.isLabelled(theme))));
                    if (byRules) {
                        continue;
                    }
                    if (a.isLabelled(theme) && s.of(theme) >= FLOOR && examples.size() < 6) {
                        examples.add(String.format(Locale.ROOT, "  %s %s \"%s\" score %.2f%n    carried by: %s%n"
                                + "    neighbours: %s", theme, a.id(), a.title(), s.of(theme),
                                scorer.carryingSentence(a, theme), s.why(theme)));
                    }
                }
            }
        }

        Map<String, OptionalDouble> thresholds = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "Tuning part, %d articles, %d-fold cross-validation, k=%d, floor %.2f%n",
                tuning.size(), FOLDS, NEIGHBOURS, FLOOR);
        System.out.printf(Locale.ROOT, "%-24s %6s %6s %8s %9s %14s %16s %12s%n", "theme", "gated+", "gated-",
                "max neg", "threshold", "added TP/FP", "fold-out TP/FP", "rule TP over");
        int[] inSample = new int[2];
        int[] foldOut = new int[2];
        Map<String, Set<Integer>> foldOutAdded = new LinkedHashMap<>();
        for (String theme : themes) {
            List<ThresholdChoice.Candidate> placing = gated.stream().filter(g -> g.theme().equals(theme))
                    .map(Gated::candidate).toList();
            List<ThresholdChoice.Candidate> all = gated.stream().filter(g -> g.theme().equals(theme) && !g.byRules())
                    .map(Gated::candidate).toList();
            OptionalDouble t = ThresholdChoice.lowestWithoutFalsePositive(placing, FLOOR);
            thresholds.put(theme, t);
            int[] added = ThresholdChoice.added(all, t);
            int[] ruleCaught = ThresholdChoice.added(gated.stream()
                    .filter(g -> g.theme().equals(theme) && g.byRules()).map(Gated::candidate).toList(), t);
            double highestNegative = all.stream().filter(c -> !c.positive()).mapToDouble(
                    ThresholdChoice.Candidate::score).max().orElse(0);
            // fold-out: each fold's threshold chosen on the other folds' candidates only
            int[] out = new int[2];
            Set<Integer> addedArticles = new HashSet<>();
            for (int f = 0; f < FOLDS; f++) {
                int held = f;
                OptionalDouble tf = ThresholdChoice.lowestWithoutFalsePositive(gated.stream()
                        .filter(g -> g.theme().equals(theme) && g.fold() != held).map(Gated::candidate).toList(),
                        FLOOR);
                for (Gated g : gated) {
                    if (g.theme().equals(theme) && g.fold() == held && !g.byRules() && tf.isPresent()
                            && g.candidate().score() >= tf.getAsDouble()) {
                        out[g.candidate().positive() ? 0 : 1]++;
                        addedArticles.add(g.article());
                    }
                }
            }
            foldOutAdded.put(theme, addedArticles);
            long pos = all.stream().filter(ThresholdChoice.Candidate::positive).count();
            System.out.printf(Locale.ROOT, "%-24s %6d %6d %8.3f %9s %14s %16s %12s%n", theme, pos, all.size() - pos,
                    highestNegative, t.isPresent() ? String.format(Locale.ROOT, "%.3f", t.getAsDouble()) : "never",
                    added[0] + "/" + added[1], out[0] + "/" + out[1],
                    ruleCaught[0] + "/" + placing.stream().filter(c -> c.positive()).count());
            inSample[0] += added[0];
            inSample[1] += added[1];
            foldOut[0] += out[0];
            foldOut[1] += out[1];
        }
        System.out.printf(Locale.ROOT, "%-24s %46s %16s%n", "all", inSample[0] + "/" + inSample[1],
                foldOut[0] + "/" + foldOut[1]);
        List<List<String>> tuningAdded = new ArrayList<>();
        for (int i = 0; i < tuning.size(); i++) {
            int article = i;
            tuningAdded.add(themes.stream().filter(th -> foldOutAdded.get(th).contains(article)).toList());
        }
        System.out.println("\nTuning part, rules alone against rules + scorer (fold-out thresholds)");
        printTable(themes, tuning, ruleHits, tuningAdded);
        System.out.println("\nExamples of added themes on the tuning part, with the neighbours that carried them");
        examples.forEach(System.out::println);

        NeighbourScorer full = NeighbourScorer.train(tuning, NEIGHBOURS);
        speed(matcher, themes, full, thresholds, tuning);

        if (heldBack) {
            List<LabelledArticle> hold = EvaluationSet.fromResource(EvaluationSet.HOLDOUT);
            List<Set<String>> holdRules = hold.stream().map(a -> rules(matcher, a)).toList();
            List<List<String>> holdAdded = new ArrayList<>();
            for (int i = 0; i < hold.size(); i++) {
                holdAdded.add(added(matcher, themes, full, thresholds, hold.get(i), holdRules.get(i)));
            }
            System.out.printf(Locale.ROOT, "%nHeld-back part, %d articles: rules alone against rules + scorer "
                    + "(scorer trained on the whole tuning part)%n", hold.size());
            printTable(themes, hold, holdRules, holdAdded);
        }
    }

    private static Set<String> rules(Matcher matcher, LabelledArticle a) {
        return matcher.match(a.toDocument()).stream().map(ThemeHit::themeId).collect(Collectors.toSet());
    }

    private static boolean requireHolds(Matcher matcher, LabelledArticle a, String theme) {
        return matcher.explain(a.toDocument(), theme).requireHolds();
    }

    /** The themes the scorer adds to one article: scored first, then only themes over threshold are gated. */
    static List<String> added(Matcher matcher, List<String> themes, NeighbourScorer scorer,
            Map<String, OptionalDouble> thresholds, LabelledArticle a, Set<String> byRules) {
        NeighbourScorer.Scores s = scorer.score(a);
        List<String> out = new ArrayList<>();
        for (String theme : themes) {
            OptionalDouble t = thresholds.get(theme);
            if (t.isPresent() && s.of(theme) >= t.getAsDouble() && !byRules.contains(theme)
                    && requireHolds(matcher, a, theme)) {
                out.add(theme);
            }
        }
        return out;
    }

    private static void speed(Matcher matcher, List<String> themes, NeighbourScorer scorer,
            Map<String, OptionalDouble> thresholds, List<LabelledArticle> articles) {
        int rounds = 5;
        for (LabelledArticle a : articles) { // warm-up
            scorer.score(a);
            added(matcher, themes, scorer, thresholds, a, rules(matcher, a));
        }
        // the fastest of several rounds: the machine is shared, and the slower rounds measure the other load
        double rules = fastest(rounds, articles, a -> rules(matcher, a));
        double alone = fastest(rounds, articles, scorer::score);
        double both = fastest(rounds, articles, a -> added(matcher, themes, scorer, thresholds, a, rules(matcher, a)));
        System.out.printf(Locale.ROOT, "%nSpeed on one thread, fastest of %d rounds over the %d tuning articles: "
                + "rules alone %.0f articles/s, scorer alone %.0f articles/s, rules + scorer + gate %.0f articles/s%n",
                rounds, articles.size(), rules, alone, both);
    }

    private static double fastest(int rounds, List<LabelledArticle> articles,
            java.util.function.Consumer<LabelledArticle> step) {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            articles.forEach(step);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return articles.size() / (best / 1e9);
    }

    private static void printTable(List<String> themes, List<LabelledArticle> articles, List<Set<String>> rules,
            List<List<String>> added) {
        System.out.printf(Locale.ROOT, "%-24s | %5s %5s %5s %4s | %5s %5s %5s %4s | %s%n", "theme", "P", "R", "F1",
                "neg", "P", "R", "F1", "neg", "added TP/FP");
        int[] before = new int[3];
        int[] after = new int[3];
        for (String theme : themes) {
            int[] b = new int[4];
            int[] c = new int[4];
            for (int i = 0; i < articles.size(); i++) {
                LabelledArticle a = articles.get(i);
                boolean byRules = rules.get(i).contains(theme);
                count(b, byRules, a, theme);
                count(c, byRules || added.get(i).contains(theme), a, theme);
            }
            ThemeScore sb = new ThemeScore(theme, b[0], b[1], b[2]);
            ThemeScore sc = new ThemeScore(theme, c[0], c[1], c[2]);
            System.out.printf(Locale.ROOT, "%-24s | %5.3f %5.3f %5.3f %4d | %5.3f %5.3f %5.3f %4d | %d/%d%n", theme,
                    sb.precision(), sb.recall(), sb.f1(), b[3], sc.precision(), sc.recall(), sc.f1(), c[3],
                    c[0] - b[0], c[1] - b[1]);
            for (int j = 0; j < 3; j++) {
                before[j] += b[j];
                after[j] += c[j];
            }
        }
        ThemeScore sb = new ThemeScore("all", before[0], before[1], before[2]);
        ThemeScore sc = new ThemeScore("all", after[0], after[1], after[2]);
        System.out.printf(Locale.ROOT, "%-24s | %5.3f %5.3f %5.3f %4s | %5.3f %5.3f %5.3f %4s | %d/%d%n", "all (micro)",
                sb.precision(), sb.recall(), sb.f1(), "", sc.precision(), sc.recall(), sc.f1(), "",
                after[0] - before[0], after[1] - before[1]);
    }

    // [TP, FP, FN, hard-negative hits]
    private static void count(int[] c, boolean hit, LabelledArticle a, String theme) {
        boolean labelled = a.isLabelled(theme);
        if (hit && labelled) {
            c[0]++;
        } else if (hit) {
            c[1]++;
            c[3] += a.labels().isEmpty() ? 1 : 0;
        } else if (labelled) {
            c[2]++;
        }
    }
}
