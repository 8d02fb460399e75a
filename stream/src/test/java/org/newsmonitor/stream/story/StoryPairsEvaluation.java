package org.newsmonitor.stream.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.newsmonitor.stream.TopologySettings;

/**
 * Runs each labelled pair through the production clustering decision: a fresh {@link StoryIndex} holding the first
 * item, looked up with the second as {@link StoryClusterProcessor} does (fingerprints made as the match step makes
 * them, the default story window, span and similarity threshold). Prints the share of same-story pairs collapsed and
 * of different-story pairs merged, per part and language. Behind a flood ({@link #behindFlood}), the index also
 * holds, arrived after the first item and published with it, copies of every report of the other groups, so that
 * a lookup examines only the last members of each band ({@link StoryIndex#CANDIDATES_PER_BAND}). Run it with
 * {@code mvn -B -ntp -o -q -pl stream -am test -Dtest=StoryPairsEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}
 * or call {@link #main} from a test class path.
 */
final class StoryPairsEvaluation {
    /** Copies of each other group's report in the flood of {@link #behindFlood(StoryPairs)}. */
    static final int FLOOD_COPIES = 10;

    private final Duration window;
    private final double threshold;
    private final int candidatesPerBand;
    private final StoryPairs flood;
    private final int copies;
    private final Map<String, long[]> fingerprints = new HashMap<>();
    private final Map<StoryPairs.Pair, Boolean> decided = new IdentityHashMap<>();

    StoryPairsEvaluation(Duration window, double threshold) {
        this(window, threshold, StoryIndex.CANDIDATES_PER_BAND, new StoryPairs(List.of()), 0);
    }

    private StoryPairsEvaluation(Duration window, double threshold, int candidatesPerBand, StoryPairs flood,
            int copies) {
        this.window = window;
        this.threshold = threshold;
        this.candidatesPerBand = candidatesPerBand;
        this.flood = flood;
        this.copies = copies;
    }

    /**
     * This evaluation with the monitor's bound on the members examined, behind a flood of {@link #FLOOD_COPIES}
     * copies of every report of {@code set} that is not of the pair's group: about 2,400 members that arrived
     * after the pair's first item.
     */
    StoryPairsEvaluation behindFlood(StoryPairs set) {
        return behindFlood(set, FLOOD_COPIES, StoryIndex.CANDIDATES_PER_BAND);
    }

    /**
     * This evaluation with a flood between each pair's items: {@code copies} copies of every item of {@code set}
     * that is not of the pair's group (other reports, each its own story), examining at most
     * {@code candidatesPerBand} members per band.
     */
    StoryPairsEvaluation behindFlood(StoryPairs set, int copies, int candidatesPerBand) {
        return new StoryPairsEvaluation(window, threshold, candidatesPerBand, set, copies);
    }

    /** The evaluation with the monitor's defaults. */
    static StoryPairsEvaluation withDefaults() {
        TopologySettings defaults = TopologySettings.defaults();
        return new StoryPairsEvaluation(defaults.storyWindow(), defaults.storySimilarity());
    }

    /** Whether the production decision puts the pair's two items in one story. */
    boolean merges(StoryPairs.Pair pair) {
        return decided.computeIfAbsent(pair, this::decide);
    }

    private boolean decide(StoryPairs.Pair pair) {
        StoryIndex index = new StoryIndex(0, candidatesPerBand);
        long windowMs = window.toMillis();
        long maxSpanMs = (long) (windowMs * StoryClusterProcessor.MAX_STORY_SPAN_IN_WINDOWS);
        long aTime = pair.a().published().toEpochMilli();
        index.add(new StoryMember(pair.a().id(), pair.a().id(), aTime, fingerprint(pair.a())));
        Set<String> flooded = new HashSet<>();
        for (StoryPairs.Pair other : flood.pairs()) {
            if (other.group().equals(pair.group())) {
                continue;
            }
            for (StoryPairs.Item item : List.of(other.a(), other.b())) {
                if (!flooded.add(item.id())) {
                    continue;
                }
                for (int c = 0; c < copies; c++) {
                    index.add(new StoryMember(item.id() + "/copy-" + c, item.id(), aTime, fingerprint(item)));
                }
            }
        }
        String story = index.findStory(pair.b().id(), fingerprint(pair.b()),
                pair.b().published().toEpochMilli(), windowMs, maxSpanMs, threshold);
        return pair.a().id().equals(story);
    }

    private long[] fingerprint(StoryPairs.Item item) {
        return fingerprints.computeIfAbsent(item.id(), id -> StoryFingerprint.of(item.title(), item.lede()));
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

    /**
     * The report: collapsed same-story and merged different-story pairs per part, the same behind a flood
     * ({@link #behindFlood(StoryPairs)}), then per language.
     */
    List<String> report(StoryPairs set) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "story pairs: window %s, threshold %.3f, story span at most %.1f windows",
                window, threshold, StoryClusterProcessor.MAX_STORY_SPAN_IN_WINDOWS));
        lines.addAll(perPart(set));
        lines.add(String.format(Locale.ROOT, "behind a flood of %d copies of each other group's report, at most %d"
                + " members examined per band:", FLOOD_COPIES, StoryIndex.CANDIDATES_PER_BAND));
        lines.addAll(behindFlood(set).perPart(set));
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

    private List<String> perPart(StoryPairs set) {
        List<String> lines = new ArrayList<>();
        for (String part : List.of("tuning", "held-back", "all")) {
            Predicate<StoryPairs.Pair> inPart = p -> part.equals("all") || p.heldBack() == part.equals("held-back");
            lines.add(String.format(Locale.ROOT, "%-9s same-story collapsed %s   different-story merged %s", part,
                    figure(set, inPart.and(StoryPairs.Pair::same)),
                    figure(set, inPart.and(p -> !p.same()))));
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
