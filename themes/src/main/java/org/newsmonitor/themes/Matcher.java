package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Matches articles against a set of compiled themes. Immutable and thread-safe; build one per theme set
 * (building is cheap enough to redo on every theme change).
 *
 * <p>How it stays fast: an article is tokenized once; each token is looked up in one dictionary built from all
 * themes' terms (exact words in a hash table, with the plural/possessive fold, and prefixes in another); only themes
 * whose necessary words and phrases occur in the article are evaluated (see {@link Preselection}), and their
 * boolean, phrase and NEAR trees run over per-term token lists. Fields longer than the {@link TextLimits} are cut;
 * the outcome says so.
 */
public final class Matcher {
    /** Most matched terms reported per theme. */
    public static final int MAX_TERMS_PER_HIT = 40;

    private final List<CompiledTheme> themes;
    private final ThemeProgram[] programs;
    private final WordTable words;
    private final PrefixTable prefixes;
    private final Preselection preselection;
    private final int atomCount;
    private final int termCount;
    private final ThreadLocal<DocState> scratch;

    private Matcher(List<CompiledTheme> themes, ThemeProgram[] programs, Map<String, Integer> words,
            Map<String, Integer> prefixAtoms, Preselection preselection, int atomCount, int termCount,
            int sharedOrCount) {
        this.themes = themes;
        this.programs = programs;
        this.words = new WordTable(words);
        this.prefixes = new PrefixTable(prefixAtoms);
        this.preselection = preselection;
        this.atomCount = atomCount;
        this.termCount = termCount;
        this.scratch = ThreadLocal.withInitial(() -> new DocState(this.atomCount, this.programs.length,
                this.termCount, preselection.clauseCount(), sharedOrCount));
    }

    /** A matcher for {@code themes}; results come in this order (the catalog order). */
    public static Matcher of(Collection<CompiledTheme> themes) {
        return build(themes, true);
    }

    /** A matcher that evaluates every theme on every article (no pre-selection); for checking the fast path. */
    static Matcher exhaustive(Collection<CompiledTheme> themes) {
        return build(themes, false);
    }

    private static Matcher build(Collection<CompiledTheme> themes, boolean presearch) {
        List<CompiledTheme> list = List.copyOf(themes);
        RuleBinder binder = new RuleBinder();
        ThemeProgram[] programs = new ThemeProgram[list.size()];
        for (int i = 0; i < list.size(); i++) {
            CompiledTheme t = list.get(i);
            List<Rule> rules = new ArrayList<>(t.rules());
            // positive rules first: when they cannot reach minScore the negative ones need not run
            rules.sort(Comparator.comparingDouble(r -> r.weight() > 0 ? 0 : 1));
            EvalNode[] nodes = new EvalNode[rules.size()];
            double[] weights = new double[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                nodes[r] = binder.bind(rules.get(r).expression());
                weights[r] = rules.get(r).weight();
            }
            EvalNode require = t.require() == null ? null : binder.bind(t.require());
            programs[i] = ThemeProgram.of(t, nodes, weights, require, rules.toArray(new Rule[0]));
        }
        Preselection preselection = presearch ? Preselection.of(programs, binder.atomCount(), binder.terms(),
                binder::cost) : Preselection.none(programs.length, binder.atomCount());
        return new Matcher(list, programs, binder.words(), binder.prefixes(), preselection, binder.atomCount(),
                binder.terms().length, binder.sharedOrCount());
    }

    /** Number of themes. */
    public int themeCount() {
        return programs.length;
    }

    /** The themes, in catalog order. */
    public List<CompiledTheme> themes() {
        return themes;
    }

    /** The themes that match {@code doc}, in catalog order; empty when none does. Never throws on odd text. */
    public List<ThemeHit> match(Document doc) {
        return outcome(doc).hits();
    }

    /** Like {@link #match} but also says when the article was skipped (no text) or cut (enormous body). */
    public MatchOutcome outcome(Document doc) {
        if (doc == null) {
            return new MatchOutcome(List.of(), "no article");
        }
        String title = cut(doc.title(), TextLimits.MAX_TITLE);
        String summary = cut(doc.summary(), TextLimits.MAX_SUMMARY);
        String content = cut(doc.content(), TextLimits.MAX_CONTENT);
        String note = cutNote("title", doc.title(), title, TextLimits.MAX_TITLE);
        note = join(note, cutNote("summary", doc.summary(), summary, TextLimits.MAX_SUMMARY));
        note = join(note, cutNote("content", doc.content(), content, TextLimits.MAX_CONTENT));
        if (title.isBlank() && summary.isBlank() && content.isBlank()) {
            return new MatchOutcome(List.of(), "no text: title, summary and content are empty");
        }
        DocState d = indexed(title, summary, content);
        if (d.tokens().count() == 0) {
            return new MatchOutcome(List.of(), join(note, "no words: the text has no letters or digits"));
        }
        preselection.collect(d);
        List<ThemeHit> hits = new ArrayList<>();
        d.drainCandidates(theme -> {
            if (!preselection.passes(theme, d)) {
                return;
            }
            d.countEvaluated();
            ThemeHit hit = evaluate(programs[theme], d);
            if (hit != null) {
                hits.add(hit);
            }
        });
        return new MatchOutcome(hits, note);
    }

    /**
     * Why {@code theme} (one of this matcher's themes) did or did not match {@code doc}: every rule evaluated,
     * without the shortcuts of {@link #outcome}, with the terms of each rule that held. For theme authors.
     *
     * @throws IllegalArgumentException when the matcher has no theme with that id
     */
    public ThemeExplanation explain(Document doc, String themeId) {
        ThemeProgram p = null;
        for (ThemeProgram candidate : programs) {
            if (candidate.id().equals(themeId)) {
                p = candidate;
            }
        }
        if (p == null) {
            throw new IllegalArgumentException("no theme '" + themeId + "' in this matcher");
        }
        Document d0 = doc == null ? new Document(null, null, null, null, null) : doc;
        DocState d = indexed(cut(d0.title(), TextLimits.MAX_TITLE), cut(d0.summary(), TextLimits.MAX_SUMMARY),
                cut(d0.content(), TextLimits.MAX_CONTENT));
        List<ThemeExplanation.RuleResult> held = new ArrayList<>();
        double score = 0;
        for (int r = 0; r < p.rules().length; r++) {
            if (!p.rules()[r].holds(d)) {
                continue;
            }
            score += p.weights()[r];
            List<EvalNode.Evidence> evidence = new ArrayList<>();
            p.rules()[r].collect(d, evidence, null);
            held.add(new ThemeExplanation.RuleResult(p.sources()[r], termHits(d, evidence)));
        }
        held.sort(Comparator.comparingInt(h -> h.rule().line()));
        boolean requireHolds = p.require() == null || p.require().holds(d);
        String require = p.theme().spec().require();
        return new ThemeExplanation(p.id(), score, p.theme().minScore(), require, requireHolds, held);
    }

    private DocState indexed(String title, String summary, String content) {
        DocState d = scratch.get();
        d.reset();
        DocState.TokenLookup lookup = (chars, length, index) -> lookup(d, chars, length, index);
        d.tokenize(Field.TITLE, title, lookup);
        d.tokenize(Field.SUMMARY, summary, lookup);
        d.tokenize(Field.CONTENT, content, lookup);
        return d;
    }

    /**
     * How many themes pre-selection passed on to full evaluation for the last article this thread matched; for
     * measuring pre-selection (the others were ruled out without evaluating their rules).
     */
    public int lastEvaluatedCount() {
        return scratch.get().evaluatedCount();
    }

    private void lookup(DocState d, char[] token, int length, int index) {
        // exact words plus the plural and possessive fold: "pipelines", "gases" also count as "pipeline", "gas"
        words.lookup(token, length, index, d);
        prefixes.walk(token, length, index, d);
    }

    // scoring: the positive rules (as long as minScore is still reachable), the negative ones, the require line;
    // then, for a match, the evidence of the positive rules that held, the snippet and the sub-topics
    private ThemeHit evaluate(ThemeProgram p, DocState d) {
        EvalNode[] rules = p.rules();
        double[] weights = p.weights();
        boolean[] held = new boolean[rules.length];
        double score = 0;
        double min = p.needed();
        double unseen = p.positiveTotal();
        int r = 0;
        for (; r < rules.length && weights[r] > 0; r++) {
            // the rules left cannot make up the difference (with an allowance for rounding in the sums)
            if (score + unseen < min - ThemeProgram.EPSILON) {
                return null;
            }
            unseen -= weights[r];
            held[r] = rules[r].holds(d);
            if (held[r]) {
                score += weights[r];
            }
        }
        int positives = r;
        if (score < min) {
            return null;
        }
        for (; r < rules.length; r++) {
            if (rules[r].holds(d)) {
                score += weights[r];
                if (score < min) {
                    return null;
                }
            }
        }
        if (p.require() != null && !p.require().holds(d)) {
            return null;
        }
        List<EvalNode.Evidence> evidence = new ArrayList<>();
        boolean tagged = false;
        for (int i = 0; i < positives; i++) {
            if (held[i]) {
                rules[i].collect(d, evidence, null);
                tagged |= !p.sources()[i].subTopics().isEmpty();
            }
        }
        List<TermHit> terms = termHits(d, evidence);
        TermHit anchor = snippetAnchor(terms);
        Field field = anchor == null ? Field.TITLE : Field.ofLabel(anchor.field());
        int start = anchor == null ? 0 : anchor.start();
        int end = anchor == null ? 0 : anchor.end();
        return new ThemeHit(p.id(), p.title(), p.polarity(), score, terms, d.snippet(field, start, end),
                Snippets.termsIn(d.text(field), field.label(), start, end, terms),
                tagged ? subTopicsHeld(p, held, positives) : List.of());
    }

    // the sub-topics of the positive rules that held, in the theme's order
    private static List<String> subTopicsHeld(ThemeProgram p, boolean[] held, int positives) {
        List<String> out = new ArrayList<>();
        for (String subTopic : p.theme().subTopics()) {
            for (int i = 0; i < positives; i++) {
                if (held[i] && p.sources()[i].subTopics().contains(subTopic)) {
                    out.add(subTopic);
                    break;
                }
            }
        }
        return out;
    }

    // text order: by first token, then last token, then term
    private static final Comparator<EvalNode.Evidence> TEXT_ORDER = (a, b) -> {
        int c = Integer.compare(a.firstToken(), b.firstToken());
        if (c == 0) {
            c = Integer.compare(a.lastToken(), b.lastToken());
        }
        return c != 0 ? c : a.term().compareTo(b.term());
    };

    private static List<TermHit> termHits(DocState d, List<EvalNode.Evidence> evidence) {
        evidence.sort(TEXT_ORDER);
        List<TermHit> out = new ArrayList<>(Math.min(evidence.size(), MAX_TERMS_PER_HIT));
        EvalNode.Evidence previous = null;
        for (EvalNode.Evidence e : evidence) {
            // sorted, so repeats of one term at one place are neighbours
            if (previous != null && TEXT_ORDER.compare(e, previous) == 0) {
                continue;
            }
            previous = e;
            ArticleTokens tokens = d.tokens();
            out.add(new TermHit(e.term(), tokens.field(e.firstToken()).label(), tokens.start(e.firstToken()),
                    tokens.end(e.lastToken())));
            if (out.size() == MAX_TERMS_PER_HIT) {
                break;
            }
        }
        return out;
    }

    // the snippet is made around the first body match; the title's start when only the title matched (null)
    private static TermHit snippetAnchor(List<TermHit> terms) {
        for (TermHit t : terms) {
            if (!t.field().equals("title")) {
                return t;
            }
        }
        return null;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String cutNote(String field, String original, String kept, int max) {
        if (original == null || original.length() == kept.length()) {
            return null;
        }
        return field + " cut to the first " + max + " of " + original.length() + " characters";
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
