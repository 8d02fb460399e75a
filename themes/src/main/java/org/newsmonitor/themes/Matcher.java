package org.newsmonitor.themes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
        Binder binder = new Binder();
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
        int atoms = binder.atomText.size();
        EvalNode.TermNode[] terms = binder.termList.toArray(new EvalNode.TermNode[0]);
        Preselection preselection = presearch ? Preselection.of(programs, atoms, terms, binder::cost)
                : Preselection.none(programs.length, atoms);
        return new Matcher(list, programs, new HashMap<>(binder.words), binder.prefixes, preselection, atoms,
                binder.termNodes.size(), binder.sharedOrs);
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
        if (d.tokenCount == 0) {
            return new MatchOutcome(List.of(), join(note, "no words: the text has no letters or digits"));
        }
        preselection.collect(d);
        List<ThemeHit> hits = new ArrayList<>();
        d.drainCandidates(theme -> {
            if (!preselection.passes(theme, d)) {
                return;
            }
            d.evaluatedCount++;
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
        d.texts[DocState.TITLE] = title;
        d.texts[DocState.SUMMARY] = summary;
        d.texts[DocState.CONTENT] = content;
        index(d, DocState.TITLE, title);
        index(d, DocState.SUMMARY, summary);
        index(d, DocState.CONTENT, content);
        return d;
    }

    /**
     * How many themes pre-selection passed on to full evaluation for the last article this thread matched; for
     * measuring pre-selection (the others were ruled out without evaluating their rules).
     */
    public int lastEvaluatedCount() {
        return scratch.get().evaluatedCount;
    }

    private void index(DocState d, byte field, String text) {
        d.scanner.scan(text, (chars, length, start, end) -> lookup(d, chars, length, d.addToken(field, start, end)));
    }

    private void lookup(DocState d, char[] token, int length, int index) {
        // exact words plus the plural and possessive fold: "pipelines", "gases" also count as "pipeline", "gas"
        words.lookup(token, length, index, d);
        prefixes.walk(token, length, index, d);
    }

    private ThemeHit evaluate(ThemeProgram p, DocState d) {
        EvalNode[] rules = p.rules();
        double[] weights = p.weights();
        if (d.ruleHeld.length < rules.length) {
            d.ruleHeld = new boolean[rules.length];
        }
        boolean[] held = d.ruleHeld;
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
        byte field = anchor == null ? DocState.TITLE : "summary".equals(anchor.field()) ? DocState.SUMMARY
                : DocState.CONTENT;
        int start = anchor == null ? 0 : anchor.start();
        int end = anchor == null ? 0 : anchor.end();
        return new ThemeHit(p.id(), p.title(), p.polarity(), score, terms, d.snippet(field, start, end),
                Snippets.termsIn(d.texts[field], DocState.FIELD_NAMES[field], start, end, terms),
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
            byte field = d.tokField[e.firstToken()];
            out.add(new TermHit(e.term(), DocState.FIELD_NAMES[field], d.tokStart[e.firstToken()],
                    d.tokEnd[e.lastToken()]));
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

    /** Assigns atom ids to the distinct words and prefixes of all themes and builds evaluation trees. */
    private static final class Binder {
        final Map<String, Integer> words = new HashMap<>();
        final Map<String, Integer> prefixes = new HashMap<>();
        final List<String> atomText = new ArrayList<>();
        final List<Boolean> atomPrefix = new ArrayList<>();
        final Map<Expr.Term, EvalNode.TermNode> termNodes = new HashMap<>();
        final List<EvalNode.TermNode> termList = new ArrayList<>();
        final Map<Expr, EvalNode> shared = new HashMap<>();
        int sharedOrs;
        // how often rules refer to each atom: words many rules use tend to be common in articles too
        final List<Integer> references = new ArrayList<>();

        /** The evaluation tree of {@code e}; equal subexpressions of all themes share one node. */
        EvalNode bind(Expr e) {
            EvalNode node = build(e);
            countReferences(e);
            return node;
        }

        private EvalNode build(Expr e) {
            if (e instanceof Expr.Term t) {
                return termNodes.computeIfAbsent(t, this::termNode);
            }
            EvalNode known = shared.get(e);
            if (known != null) {
                if (known instanceof EvalNode.OrNode or && !or.shared()) {
                    or.shareAs(sharedOrs++);
                }
                return known;
            }
            EvalNode node;
            if (e instanceof Expr.Or or) {
                node = new EvalNode.OrNode(or.children().stream().map(this::build).toArray(EvalNode[]::new));
            } else if (e instanceof Expr.And and) {
                node = new EvalNode.AndNode(and.children().stream().map(this::build).toArray(EvalNode[]::new));
            } else if (e instanceof Expr.Not not) {
                node = new EvalNode.NotNode(build(not.child()));
            } else {
                Expr.Near near = (Expr.Near) e;
                node = new EvalNode.NearNode(build(near.left()), build(near.right()), near.distance());
            }
            shared.put(e, node);
            return node;
        }

        private void countReferences(Expr e) {
            if (e instanceof Expr.Term t) {
                for (int a : termNodes.get(t).atoms) {
                    references.set(a, references.get(a) + 1);
                }
            } else if (e instanceof Expr.Or or) {
                or.children().forEach(this::countReferences);
            } else if (e instanceof Expr.And and) {
                and.children().forEach(this::countReferences);
            } else if (e instanceof Expr.Not not) {
                countReferences(not.child());
            } else {
                Expr.Near near = (Expr.Near) e;
                countReferences(near.left());
                countReferences(near.right());
            }
        }

        private EvalNode.TermNode termNode(Expr.Term t) {
            int[] atoms = new int[t.parts().size()];
            boolean[] prefix = new boolean[atoms.length];
            for (int i = 0; i < atoms.length; i++) {
                Expr.Part part = t.parts().get(i);
                Map<String, Integer> table = part.prefix() ? prefixes : words;
                Integer id = table.get(part.text());
                if (id == null) {
                    id = atomText.size();
                    table.put(part.text(), id);
                    atomText.add(part.text());
                    atomPrefix.add(part.prefix());
                    references.add(0);
                }
                atoms[i] = id;
                prefix[i] = part.prefix();
            }
            EvalNode.TermNode node = new EvalNode.TermNode(termNodes.size(), t.written(), atoms, prefix, t.scope());
            termList.add(node);
            return node;
        }

        // a phrase or a title-only term occurs less often than its rarest word
        double cost(int element) {
            if (element >= 0) {
                return atomCost(element);
            }
            EvalNode.TermNode t = termList.get(~element);
            double best = Double.MAX_VALUE;
            for (int a : t.atoms) {
                best = Math.min(best, atomCost(a));
            }
            return best / t.atoms.length / (t.scope == Scope.TITLE ? 2 : 1);
        }

        private double[] atomCosts;

        private double atomCost(int atom) {
            if (atomCosts == null) {
                // asked only once all themes are bound, so the reference counts are final
                atomCosts = new double[atomText.size()];
                for (int a = 0; a < atomCosts.length; a++) {
                    atomCosts[a] = computeAtomCost(a);
                }
            }
            return atomCosts[atom];
        }

        // shorter words, prefixes and words that many rules use occur in more articles, so they select worse
        private double computeAtomCost(int atom) {
            int len = atomText.get(atom).codePointCount(0, atomText.get(atom).length());
            boolean cjk = len > 0 && TextTokenizer.isCjk(atomText.get(atom).codePointAt(0));
            double c = 1 + 4.0 / Math.max(cjk ? 2 : len, 1);
            if (atomPrefix.get(atom)) {
                c += 1;
            }
            return c * (1 + Math.log1p(references.get(atom)));
        }
    }
}
