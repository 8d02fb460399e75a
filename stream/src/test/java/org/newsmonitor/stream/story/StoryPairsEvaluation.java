package org.newsmonitor.stream.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.newsmonitor.stream.TopologySettings;

/**
 * Runs each labelled pair through the production clustering decision: a fresh {@link StoryIndex} holding the first
 * item, looked up with the second as {@link StoryClusterProcessor} does (fingerprints made as the match step makes
 * them, the default story window, span and similarity threshold). Prints the share of same-story pairs collapsed and
 * of different-story pairs merged, per part and language. Run it with
 * {@code mvn -B -ntp -o -q -pl stream -am test -Dtest=StoryPairsEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}
 * or call {@link #main} from a test class path.
 */
final class StoryPairsEvaluation {
    private final Duration window;
    private final double threshold;

    StoryPairsEvaluation(Duration window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    /** The evaluation with the monitor's defaults. */
    static StoryPairsEvaluation withDefaults() {
        TopologySettings defaults = TopologySettings.defaults();
        return new StoryPairsEvaluation(defaults.storyWindow(), defaults.storySimilarity());
    }

    /** Whether the production decision puts the pair's two items in one story. */
    boolean merges(StoryPairs.Pair pair) {
        StoryIndex index = new StoryIndex(0);
        long windowMs = window.toMillis();
        long maxSpanMs = (long) (windowMs * StoryClusterProcessor.MAX_STORY_SPAN_IN_WINDOWS);
        long aTime = pair.a().published().toEpochMilli();
        index.add(new StoryMember(pair.a().id(), pair.a().id(), aTime,
                StoryFingerprint.of(pair.a().title(), pair.a().lede())));
        String story = index.findStory(pair.b().id(), StoryFingerprint.of(pair.b().title(), pair.b().lede()),
                pair.b().published().toEpochMilli(), windowMs, maxSpanMs, threshold);
        return story != null;
    }

    /** How many of the chosen pairs there are and how many merge. */
    record Figure(int pairs, int merged) {
        double share() {
            return pairs == 0 ? 0 : (double) merged / pairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%5.1f %% (%d of %d)", 100 * share(), merged, pairs);
        }
    }

    Figure figure(StoryPairs set, Predicate<StoryPairs.Pair> chosen) {
        int pairs = 0;
        int merged = 0;
        for (StoryPairs.Pair pair : set.pairs()) {
            if (chosen.test(pair)) {
                pairs++;
                merged += merges(pair) ? 1 : 0;
            }
        }
        return new Figure(pairs, merged);
    }

    /** The report: collapsed same-story and merged different-story pairs per part, then per language. */
    List<String> report(StoryPairs set) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "story pairs: window %s, threshold %.3f, story span at most %.1f windows",
                window, threshold, StoryClusterProcessor.MAX_STORY_SPAN_IN_WINDOWS));
        for (String part : List.of("tuning", "held-back", "all")) {
            Predicate<StoryPairs.Pair> inPart = p -> part.equals("all") || p.heldBack() == part.equals("held-back");
            lines.add(String.format(Locale.ROOT, "%-9s same-story collapsed %s   different-story merged %s", part,
                    figure(set, inPart.and(StoryPairs.Pair::same)),
                    figure(set, inPart.and(p -> !p.same()))));
        }
        TreeMap<String, Boolean> languages = new TreeMap<>();
        set.pairs().forEach(p -> languages.put(p.a().language(), true));
        for (String language : languages.keySet()) {
            Predicate<StoryPairs.Pair> inLanguage = p -> p.a().language().equals(language);
            lines.add(String.format(Locale.ROOT, "%-9s same-story collapsed %s   different-story merged %s",
                    "lang " + language, figure(set, inLanguage.and(StoryPairs.Pair::same)),
                    figure(set, inLanguage.and(p -> !p.same()))));
        }
        return lines;
    }

    /** Prints the report for the project's pairs; with {@code --misses}, also each pair decided wrongly. */
    public static void main(String[] args) {
        StoryPairs set = StoryPairs.load();
        StoryPairsEvaluation evaluation = withDefaults();
        evaluation.report(set).forEach(System.out::println);
        if (args.length > 0 && args[0].equals("--misses")) {
            for (StoryPairs.Pair pair : set.pairs()) {
                if (evaluation.merges(pair) != pair.same()) {
                    System.out.println("miss " + (pair.heldBack() ? "held-back " : "tuning    ") + pair.id());
                }
            }
        }
    }
}
