/**
 * Themes and the matcher: a pure library (no Kafka) that decides which themes an article belongs to.
 *
 * <h2>Theme files</h2>
 * A theme is one YAML file ({@link org.newsmonitor.themes.ThemeFiles} reads it into a
 * {@link org.newsmonitor.themes.ThemeSpec}); shared term lists live in lexicon.yaml
 * ({@link org.newsmonitor.themes.Lexicon}). The rule language is described in docs/themes.md. Every problem is a
 * {@link org.newsmonitor.themes.ThemeSyntaxException} naming file, line, column and theme.
 * {@link org.newsmonitor.themes.CompiledTheme#compile} parses the rules against a lexicon into
 * {@link org.newsmonitor.themes.Expr} trees: lexicon lists expanded, {@code title:} and {@code body:} pushed down to
 * the terms, every word normalised by the tokenizer ({@link org.newsmonitor.themes.TextTokenizer}).
 *
 * <h2>Using the matcher</h2>
 * {@link org.newsmonitor.themes.Matcher#of} builds one immutable, thread-safe matcher for a theme set, and
 * {@link org.newsmonitor.themes.Matcher#match} returns the matching themes of a
 * {@link org.newsmonitor.themes.Document} with scores, matched terms (with character offsets) and a snippet;
 * {@link org.newsmonitor.themes.Matcher#explain} says why one theme did or did not match.
 *
 * <h2>How matching works</h2>
 * Building a matcher ({@code RuleBinder}) gives every distinct word and every distinct prefix ({@code word*})
 * of all themes a small integer, its <em>atom</em>, and turns each rule into a tree of {@code EvalNode}s over
 * atoms. Equal subexpressions of all themes share one node, so a lexicon list used by fifty rules is one
 * {@code OrNode}. Matching an article then runs four steps.
 * <ol>
 * <li><b>Tokens and atoms.</b> Title, summary and content are tokenized once ({@code TokenScanner}), numbered
 * 0, 1, 2, ... across the three fields ({@code ArticleTokens} keeps each token's field and offsets). Each token is
 * looked up once in {@code WordTable} (exact words, and the plural fold: {@code pipelines} is also
 * {@code pipeline}) and walked through {@code PrefixTable} (every prefix atom the token starts with).
 * {@code AtomOccurrences} records, for each atom, the ascending token indexes where it occurs. Nothing later reads
 * the text again, except for snippets.</li>
 * <li><b>Pre-selection</b> ({@code Preselection}). While the matcher is built, each theme gets clauses that hold
 * whenever the theme matches ({@code Clauses}): "one of these atoms occurs, or one of these phrases holds". They
 * come from the {@code require} line, from every rule without which {@code minScore} cannot be reached, and from
 * "one of the heaviest rules holds". The theme is listed under each element of its most selective clause. For an
 * article, only themes listed under an atom that occurs (or under a phrase that holds) become candidates, and a
 * candidate is evaluated only when its other clauses hold too. Clauses that several themes need (such as the
 * {@code require} lines' lexicon lists) are answered once per article.</li>
 * <li><b>Term evaluation and scoring</b> ({@code Matcher.evaluate}). The theme's positive rules run first, in file
 * order; each rule is a tree of AND, OR, NOT, NEAR and term nodes. A term (word, prefix or phrase) works out its
 * occurrences once per article, from its rarest part, and keeps them as spans (first and last token) in
 * {@code SpanList}s; every theme that uses the term shares them. NEAR pairs the spans of its two sides in one
 * field. The weights of the rules that hold add up to the score; evaluation stops as soon as the rules left cannot
 * reach {@code minScore}. Negative rules run only when the positive ones reached it, and the {@code require} line
 * last. All per-article answers live in {@code DocState} (this thread's article) and are forgotten when the next
 * article starts ({@code ArticleAnswers}), so nothing is cleared between articles.</li>
 * <li><b>Explanation.</b> For a theme that matched, each positive rule that held collects its evidence: the term
 * occurrences that made it hold (for a NEAR, only those inside a pair). These become the hit's
 * {@link org.newsmonitor.themes.TermHit}s, in text order, and the snippet is cut around the first one outside the
 * title ({@code Snippets}). {@link org.newsmonitor.themes.Matcher#explain} runs every rule of one theme without
 * pre-selection or early stops and lists each rule that held with its terms.</li>
 * </ol>
 *
 * <h2>A worked example</h2>
 * The bundled theme {@code military-exercises} has {@code minScore: 5}, the {@code require} line
 * {@code (@russia OR @ru-firms OR @ru-actors OR @ru-places OR @ru-far-east OR @ru-regions OR @ru-forces OR
 * "vostok 20*" OR ...) AND (@china OR @cn-firms OR @cn-actors OR @cn-forces)} (the named strategic exercises stand
 * for Russia),
 * seventeen positive rules and six negative ones, among them
 * <pre>
 *   5 [joint-patrols]: (patrol* OR патрул* OR 巡航 OR 巡逻) NEAR/8 (joint OR together OR ... OR bomber* OR naval OR ...)
 *   3 [joint-patrols]: bomber* OR "tu 95*" OR "h 6*" OR бомбардировщик* OR 轰炸机
 * </pre>
 * The article has the title "Russian and Chinese bombers fly joint patrol" and the summary "The eight-hour flight
 * over the Sea of Japan was the tenth such patrol, the ministry in Moscow said." ({@code WorkedExampleTest} checks
 * every step below.)
 * <ol>
 * <li>Tokens 0 to 6 are the title: {@code russian and chinese bombers fly joint patrol}; tokens 7 to 25 the
 * summary, with {@code patrol} at 20 and {@code moscow} at 24 ({@code eight-hour} is two tokens). Token 0 is the
 * prefix atom {@code russian*} (from {@code @russia}), 2 the word {@code chinese}, 3 the prefix {@code bomber*},
 * 5 the word {@code joint}, 6 and 20 the prefix {@code patrol*}, 24 the word {@code moscow}.</li>
 * <li>{@code military-exercises} is listed under the atoms of one clause of words that its heaviest rules need,
 * {@code joint} and {@code bomber*} among them, so it becomes a candidate. Its other clauses hold: one of the
 * {@code @china} words ({@code chinese}), one of the {@code @russia} words ({@code russian*}), and the other
 * clauses derived from its rules ({@code bomber*}, {@code joint} and {@code patrol*} are in them). Only a few of
 * the fourteen bundled themes get this far for this article (how many depends on every theme's vocabulary); the
 * others are ruled out without evaluating a rule.</li>
 * <li>The first five rules (drills, named naval exercises, the two forces at drills, live firing, the named strategic
 * exercises) find none of their atoms and fail at once. Before each, the score so far plus the weights still to
 * come is compared with 5: still reachable. The joint-patrol rule holds: {@code patrol*} at 6 is 1 token from
 * {@code joint} at 5 and 3 from {@code bomber*} at 3, in the same field; {@code patrol*} at 20 pairs with nothing,
 * because a NEAR never spans two fields. Score 5. The bomber rule holds: score 8. The other positive rules fail.
 * The negative rules (police patrols, a Central Asian headline, Russian-made weapon systems, deployed missiles,
 * drills of the United States and its allies, civilian emergency drills) find none of their atoms, and the
 * {@code require} line holds ({@code russian*} and {@code chinese}), so the theme matches with score 8.</li>
 * <li>The evidence of the two rules is {@code bomber*} (title, characters 20 to 27), {@code joint} (32 to 37) and
 * {@code patrol*} (38 to 44); the second {@code patrol} is left out, as it is in no pair. No term is outside the
 * title, so the snippet is the title itself. The hit names the sub-topic {@code joint-patrols}.
 * {@code explain(doc, "military-exercises")} lists the same two rules with these terms, score 8 against 5, and
 * the {@code require} line as holding.</li>
 * </ol>
 *
 * <h2>Where the speed comes from</h2>
 * The choices that stay because they pay (docs/performance.md, "Matcher", has the measurements): the text is
 * scanned once into a reused buffer, no string per token, with one 64K table of character classes (8 % of the
 * catalog benchmark); the word table's keys include the {@code s} and {@code es} forms, so the plural fold costs no
 * second look-up; the prefix walk stops as soon as no prefix starts with the characters seen; pre-selection keeps
 * most themes from being evaluated at all; a term's occurrences are worked out once per article for every theme that
 * uses it; per-article answers are forgotten by numbering articles instead of clearing arrays; a bit set says which
 * atoms occur ({@code AtomOccurrences}), quick to test with tens of thousands of atoms. Tricks that gained less than
 * 5 % were replaced by the plain version.
 *
 * <h2>What is not here</h2>
 * This library reads theme files and nothing else: articles reach it as {@link org.newsmonitor.themes.Document}s.
 * {@code ./monitor match} reads feeds and JSON Lines with the ingest module's readers and prepares text as the stream
 * service does, so that offline matching gives the live results. {@link org.newsmonitor.themes.ThemeValidator}
 * backs {@code ./monitor themes validate}.
 */
package org.newsmonitor.themes;
