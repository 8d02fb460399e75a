/**
 * Themes and the matcher: a pure library (no Kafka) that decides which themes an article belongs to.
 *
 * <h2>Theme files</h2>
 * A theme is one YAML file ({@link org.newsmonitor.themes.ThemeFiles} reads it into a
 * {@link org.newsmonitor.themes.ThemeSpec}); shared term lists live in lexicon.yaml
 * ({@link org.newsmonitor.themes.Lexicon}). The rule language is described in docs/themes.md. Every problem is a
 * {@link org.newsmonitor.themes.ThemeSyntaxException} naming file, line, column and theme.
 *
 * <h2>Compiling and matching</h2>
 * {@link org.newsmonitor.themes.CompiledTheme#compile} parses the rules against a lexicon;
 * {@link org.newsmonitor.themes.Matcher#of} builds one immutable, thread-safe matcher for a theme set, and
 * {@link org.newsmonitor.themes.Matcher#match} returns the matching themes of a
 * {@link org.newsmonitor.themes.Document} with scores, matched terms (with character offsets) and a snippet.
 *
 * <h2>What is not here</h2>
 * This library reads theme files and nothing else: articles reach it as {@link org.newsmonitor.themes.Document}s.
 * {@code ./monitor match} reads feeds and JSON Lines with the ingest module's readers and prepares text as the stream
 * service does, so that offline matching gives the live results. {@link org.newsmonitor.themes.ThemeValidator}
 * backs {@code ./monitor themes validate}.
 */
package org.newsmonitor.themes;
